package pelcro.exports.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pelcro.exports.sandbox.SpecValidated.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Fixtures;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.junit.SandboxHandle;
import pelcro.exports.sandbox.support.ExportCalls;

/**
 * The one client of the control surface, against a started sandbox: the control API with the admin
 * token, and an account's test helpers with its key. (Here, not in its own module: that module must
 * not depend on the sandbox.)
 */
class SandboxControlClientTest {
  private static final String TOKEN = "control-client-test-token";
  private static Sandbox sandbox;
  private static SandboxControlClient control;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).jobSeconds(60).adminToken(TOKEN).start();
    control = SandboxControlClient.controlApi(sandbox::rootUrl, TOKEN);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @BeforeEach
  void reset() {
    control.reset();
  }

  private static String requestExport(String key, long site, String type) {
    return ExportCalls.requestExport(sandbox, key, site, type);
  }

  private static int download(String key, long site, String uuid) {
    return ExportCalls.downloadStatus(sandbox, key, site, uuid);
  }

  @Test
  void theControlApiMovesTheClockAndFinishesAndFailsExports() {
    String waiting = requestExport("sk_test_enterprise", 1001, "customers");
    String failed = requestExport("sk_test_enterprise", 1001, "subscriptions");
    String finished = requestExport("sk_test_enterprise", 1001, "invoices");

    assertThat(control.advanceClock(Duration.ofSeconds(30)).get("offset_seconds").asLong())
        .isEqualTo(30);
    assertThat(control.clock().get("offset_seconds").asLong()).isEqualTo(30);
    assertThat(control.complete(finished).toString()).contains(finished);
    assertThat(control.fail(failed, "Disk full").toString()).contains("Disk full");

    assertThat(download("sk_test_enterprise", 1001, finished)).isEqualTo(200);
    assertThat(download("sk_test_enterprise", 1001, waiting)).isEqualTo(404);
    assertThat(control.reset().isObject()).isTrue();
    assertThat(control.clock().get("offset_seconds").asLong()).isZero();
  }

  @Test
  void aRefusedCallIsAnExceptionWithTheStatusAndTheSandboxsAnswer() {
    assertThatThrownBy(() -> control.complete("no-such-export"))
        .isInstanceOfSatisfying(
            SandboxControlException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.body()).startsWith("{");
              assertThat(e.getMessage()).contains("POST /__admin/sandbox/exports/no-such-export");
            });
  }

  @Test
  void withoutTheAdminTokenTheControlApiRefusesTheCall() {
    SandboxControlClient noToken = SandboxControlClient.controlApi(sandbox.rootUrl());
    assertThatThrownBy(noToken::clock)
        .isInstanceOfSatisfying(
            SandboxControlException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void theJUnitHandleSendsItsSandboxsAdminToken() {
    SandboxHandle handle = new SandboxHandle(sandbox);
    assertThat(handle.advanceClock(Duration.ofSeconds(5)).get("offset_seconds").asLong())
        .isEqualTo(5);
  }

  @Test
  void testHelpersActOnTheAccountOfTheirKeyOnly() {
    JsonNode session = control.createSession();
    long account = session.get("account_id").asLong();
    SandboxControlClient helpers =
        SandboxControlClient.testHelpers(sandbox::rootUrl, session.get("enterprise_key").asText());

    helpers.advanceClock(Duration.ofSeconds(90));
    assertThat(helpers.clock().get("offset_seconds").asLong()).isEqualTo(90);
    assertThat(control.accountClock(account).get("offset_seconds").asLong()).isEqualTo(90);
    assertThat(control.clock().get("offset_seconds").asLong()).as("the sandbox's").isZero();
    control.advanceAccountClock(account, Duration.ofSeconds(10));
    assertThat(helpers.clock().get("offset_seconds").asLong()).isEqualTo(100);
    control.resetAccount(account);
    assertThat(helpers.clock().get("offset_seconds").asLong()).isZero();

    control.deleteSession(session.get("session_id").asText());
    assertThatThrownBy(helpers::clock)
        .isInstanceOfSatisfying(
            SandboxControlException.class, e -> assertThat(e.status()).isEqualTo(401));
  }

  @Test
  void faultsAreScheduledListedRemovedAndCleared() {
    JsonNode added = control.addFault(Map.of("kind", "export_held", "times", 2));
    String id = added.get("data").get(0).get("id").asText();
    control.addFault(Map.of("kind", "nothing_to_export", "type", "customers", "times", 1));
    assertThat(control.faults().get("data")).hasSize(2);
    control.removeFault(id);
    assertThat(control.faults().get("data")).hasSize(1);
    control.clearFaults();
    assertThat(control.faults().get("data")).isEmpty();
  }

  @Test
  void lintAndDeliveriesAreTheControlApisOnly() {
    JsonNode session = control.createSession();
    SandboxControlClient helpers =
        SandboxControlClient.testHelpers(sandbox::rootUrl, session.get("enterprise_key").asText());
    Map<String, Object> withIgnoredField = new HashMap<>(Fixtures.subscriptions());
    withIgnoredField.put("colour", "blue");
    api(sandbox, session.get("enterprise_key").asText())
        .queryParam("site_id", session.get("site_ids").get(0).asLong())
        .contentType(ContentType.JSON)
        .body(withIgnoredField)
        .post("/exports")
        .then()
        .statusCode(200);

    assertThat(control.lint().has("rules")).isTrue();
    assertThat(control.lint(session.get("account_id").asLong()).get("data")).isNotEmpty();
    assertThat(control.deliveries().get("data").isArray()).isTrue();
    assertThatThrownBy(helpers::lint)
        .isInstanceOfSatisfying(
            SandboxControlException.class, e -> assertThat(e.status()).isEqualTo(404));
    control.deleteSession(session.get("session_id").asText());
  }
}
