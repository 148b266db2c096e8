package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.InProcessSandbox;
import pelcro.exports.contract.support.SandboxOnly;
import pelcro.exports.contract.support.Target;

/** Behaviours that need forced outcomes or a moved clock: only the sandbox can stage them. */
@SandboxOnly("needs the control API (/__admin/sandbox)")
@ExtendWith(EnterpriseAccount.class)
class SandboxControlContractTest {

  @Test
  @Documented(
      value =
          "download-export: a failed export answers like an unknown one (x-decision downloadExport 404)",
      covers = "downloadExport:404")
  void answersNotFoundForAFailedExport(Account account) {
    Response r =
        downloadAfter(
            account,
            "orders",
            uuid -> Target.get().admin().fail(uuid, "contract suite: forced failure"));

    assertThat(r.statusCode()).as("download-export: a failed export must be 404").isEqualTo(404);
    assertThat(Exports.message(r))
        .as("download-export: a failed export asks to export again")
        .isEqualTo(Exports.NOT_FOUND);
  }

  @Test
  @Documented(
      value = "export-attributes, Export Flow: a completed export is downloadable at once",
      covers = "downloadExport:200")
  void servesAnExportAsSoonAsItIsCompleted(Account account) {
    Response r =
        downloadAfter(account, "campaign_reports", uuid -> Target.get().admin().complete(uuid));

    assertThat(r.statusCode())
        .as("download-export: a completed export downloads with 200")
        .isEqualTo(200);
  }

  @Test
  @Documented(
      value =
          "export-attributes: processing (started_at set) → finished (finished_at set), in order",
      covers = {"listExports:200", "requestExport:200"})
  void stampsStartAndFinishAsTheExportRuns() {
    // The job list (--list-mode jobs) is the only place the timestamps show after the request.
    try (InProcessSandbox jobs = InProcessSandbox.start(b -> b.listMode("jobs").jobSeconds(60))) {
      Target.runWith(
          Target.dedicatedSandbox(jobs.baseUrl()),
          () -> {
            Account account = Target.get().enterprise();
            String uuid = Exports.request(account, Exports.recent("memberships"));
            JsonPath running = job(account, uuid);
            // The sandbox queues a job for at most a second, so started_at may already be set here;
            // the POST answer (LifecycleContractTest) is where the queued state is checked.
            assertThat(running.get("finished_at") == null)
                .as("export-attributes: a running export has no finished_at")
                .isTrue();
            if (running.get("started_at") != null) {
              assertThat(running.getLong("started_at"))
                  .as("export-attributes: started_at is not before created_at")
                  .isGreaterThanOrEqualTo(running.getLong("created_at"));
            }

            Target.get().admin().advanceClock(120);

            JsonPath done = job(account, uuid);
            long created = done.getLong("created_at");
            long started = done.getLong("started_at");
            long finished = done.getLong("finished_at");
            assertThat(started)
                .as("export-attributes: started_at is not before created_at")
                .isGreaterThanOrEqualTo(created);
            assertThat(finished)
                .as("export-attributes: finished_at is not before started_at")
                .isGreaterThanOrEqualTo(started);
            assertThat(done.getLong("updated_at"))
                .as("export-attributes: updated_at follows the last change")
                .isGreaterThanOrEqualTo(finished);
            assertThat(done.get("failed_reason") == null)
                .as("export-attributes: a finished export has no failed_reason")
                .isTrue();
            return null;
          });
    }
  }

  /**
   * Requests an export of {@code type}, forces its outcome through the control API, downloads it.
   */
  private static Response downloadAfter(Account account, String type, Consumer<String> outcome) {
    String uuid = Exports.request(account, Exports.recent(type));
    outcome.accept(uuid);
    return Api.as(account).when().get("/exports/{uuid}", uuid);
  }

  private static JsonPath job(Account account, String uuid) {
    Response r = Api.as(account).when().get("/exports");
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Object> job =
        r.jsonPath().<Map<String, Object>>getList("data").stream()
            .filter(j -> uuid.equals(j.get("uuid")))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "overview (jobs reading): the list must show export " + uuid));
    return new JsonPath(toJson(job));
  }

  private static String toJson(Map<String, Object> map) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
