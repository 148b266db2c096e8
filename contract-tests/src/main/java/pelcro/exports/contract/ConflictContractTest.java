package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Writes;

/**
 * One export of a type at a time per account (request-export, Common Errors: "Export in progress").
 */
@Writes
@ExtendWith(EnterpriseAccount.class)
class ConflictContractTest {

  @Test
  @Documented(
      value =
          "request-export, Common Errors: \"Export in progress\" — one export of a type at a time",
      covers = {"requestExport:200", "requestExport:409"})
  void refusesASecondExportOfTheSameTypeWhileTheFirstRuns(Account account) {
    String first = Exports.request(account, Exports.recent("subscriptions"));

    Response second = Exports.post(account, Exports.recent("subscriptions"));

    Exports.assertRefused(
        second,
        409,
        "request-export, Common Errors: a second subscriptions export while one runs must be 409",
        Exports.IN_PROGRESS,
        "request-export, Common Errors: the message is \"Export in progress\"");
    Exports.drain(account, first);
  }

  @Test
  @Documented(
      value = "request-export: the one-at-a-time rule is per type; other types are not blocked",
      covers = "requestExport:200")
  void doesNotBlockOtherTypesWhileOneRuns(Account account) {
    String payments = Exports.request(account, Exports.recent("payments"));

    Response invoices = Exports.post(account, Exports.recent("invoices"));

    assertThat(invoices.statusCode())
        .as(
            "request-export: an invoices export while a payments export runs must be accepted (body: %s)",
            invoices.asString())
        .isEqualTo(200);
    Exports.drain(account, payments);
    Exports.drain(account, invoices.jsonPath().getString("data.uuid"));
  }
}
