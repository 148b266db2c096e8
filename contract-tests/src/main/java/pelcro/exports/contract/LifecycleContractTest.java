package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;

/** The export object as POST /exports returns it (export attributes, export.requested event). */
@Writes
@ExtendWith(EnterpriseAccount.class)
class LifecycleContractTest {

  @Test
  @Documented(
      value =
          "export-attributes + webhooks-exports: a new export is queued, not started, not finished",
      covers = "requestExport:200")
  void answersANewExportAsQueuedWithItsUuid(Account account) {
    Response r = Exports.queue(account, Exports.recent("customers"));

    JsonPath data = r.jsonPath().setRootPath("data");
    assertThat(data.getString("uuid"))
        .as("export-attributes: the export carries its uuid")
        .isNotBlank();
    assertThat(data.getString("object"))
        .as("export-attributes: object is the requested type")
        .isEqualTo("customers");
    assertThat(data.get("started_at") == null)
        .as("webhooks-exports: started_at is null at request time")
        .isTrue();
    assertThat(data.get("finished_at") == null)
        .as("webhooks-exports: finished_at is null at request time")
        .isTrue();
    assertThat(data.get("failed_reason") == null)
        .as("export-attributes: failed_reason is null unless it failed")
        .isTrue();
    long created = data.getLong("created_at");
    assertThat(data.getLong("updated_at"))
        .as("export-attributes: updated_at is not before created_at")
        .isGreaterThanOrEqualTo(created);
    assertThat(Math.abs(created - Target.get().nowEpochSeconds()))
        .as("export-attributes: created_at is the request time (Unix seconds)")
        .isLessThan(86_400);
    Exports.drain(account, data.getString("uuid"));
  }

  @Test
  @Documented(
      value =
          "request-export: the docs' example spells the type credit_note (x-decision ExportType)",
      covers = "requestExport:200")
  void acceptsCreditNoteAsASynonymOfCreditNotes(Account account) {
    Response r = Exports.queue(account, Exports.recent("credit_note"));

    assertThat(r.jsonPath().getString("data.object"))
        .as("x-decision ExportType: credit_note is stored as credit_notes")
        .isEqualTo("credit_notes");
    Exports.drain(account, r.jsonPath().getString("data.uuid"));
  }
}
