package pelcro.exports.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The container's URLs, built-in keys and control calls, against the real image. */
@ExtendWith(SandboxImageCondition.class)
@Testcontainers
class ExportsSandboxContainerTest {
  /** Long jobs: only the control calls finish an export within a test. */
  @Container
  static final ExportsSandboxContainer sandbox = new ExportsSandboxContainer().withJobSeconds(600)
      .withCreateContainerCmdModifier(LoopbackPorts::apply);

  private ExportsApi api;

  @BeforeEach
  void freshSandbox() {
    sandbox.reset();
    api = new ExportsApi(sandbox.baseUrl());
  }

  @Test
  void healthAndApiAnswerOnTheMappedPort() throws Exception {
    assertThat(sandbox.baseUrl())
        .isEqualTo("http://" + sandbox.getHost() + ":" + sandbox.getMappedPort(8080) + "/api/v1/core");
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(sandbox.rootUrl() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ExportsApi.json(health).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void builtInKeysReachTheirOwnSitesOnly() throws Exception {
    assertThat(api.list(sandbox.enterpriseKey(), sandbox.siteId()).statusCode()).isEqualTo(200);
    assertThat(api.list(sandbox.enterpriseKey(), sandbox.secondSiteId()).statusCode()).isEqualTo(200);
    assertThat(api.list(sandbox.otherEnterpriseKey(), sandbox.otherSiteId()).statusCode()).isEqualTo(200);
    assertThat(api.list(sandbox.otherEnterpriseKey(), sandbox.siteId()).statusCode())
        .as("another account's site").isEqualTo(400);
    assertThat(api.list(sandbox.basicKey(), sandbox.basicSiteId()).statusCode())
        .as("a non-Enterprise key").isEqualTo(401);
  }

  @Test
  void rateLimitingIsOffUnlessAsked() throws Exception {
    // With limiting on, every authenticated answer carries X-RateLimit-Limit (README, Rate limits).
    assertThat(api.list(sandbox.enterpriseKey(), sandbox.siteId()).headers().firstValue("X-RateLimit-Limit"))
        .isEmpty();
  }

  @Test
  void completeFinishesARunningExportAtOnce() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode()).isEqualTo(404);

    assertThat(sandbox.complete(uuid).path("finished_at").isNumber()).isTrue();

    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode()).isEqualTo(200);
  }

  @Test
  void failEndsARunningExportWithItsReason() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");

    assertThat(sandbox.fail(uuid, "Disk \"full\"").path("failed_reason").asText()).isEqualTo("Disk \"full\"");

    var download = api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid);
    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(ExportsApi.json(download).path("message").asText()).contains("try to export again");
  }

  @Test
  void advanceClockMovesRunningExportsForward() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");

    assertThat(sandbox.advanceClock(Duration.ofMinutes(10)).path("offset_seconds").asLong()).isEqualTo(600);

    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode()).isEqualTo(200);
  }

  @Test
  void resetForgetsExportsAndPutsTheClockBack() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.advanceClock(Duration.ofMinutes(10));

    sandbox.reset();

    assertThat(sandbox.clock().path("offset_seconds").asLong()).isZero();
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .as("a forgotten export").isEqualTo(404);
  }

  @Test
  void aRefusedControlCallCarriesTheStatusAndTheAnswer() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.complete(uuid);

    assertThatThrownBy(() -> sandbox.complete(uuid))
        .isInstanceOfSatisfying(SandboxControlException.class, e -> {
          assertThat(e.status()).as("no longer running").isEqualTo(409);
          assertThat(e.body()).contains("message");
        });
  }

  @Test
  void aScheduledFaultStrikesTheNextExportAndShowsHowOftenItStruck() throws Exception {
    sandbox.addFault(java.util.Map.of("kind", "export_fails_at_start", "type", "customers",
        "times", 1, "reason", "Disk full"));
    String failed = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.advanceClock(Duration.ofSeconds(5));
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), failed).statusCode())
        .as("a failed export's file is not found").isEqualTo(404);
    assertThat(sandbox.faults().path("data").get(0).path("struck").asInt()).isEqualTo(1);
    sandbox.clearFaults();
    assertThat(sandbox.faults().path("data").size()).isZero();
  }

  @Test
  void aSessionIsAnAccountOfItsOwnUntilItEnds() throws Exception {
    var session = sandbox.newSession();
    String key = session.path("enterprise_key").asText();
    long site = session.path("site_ids").get(0).asLong();
    api.request(key, site, "customers");
    api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers"); // no "Export in progress"
    sandbox.endSession(session.path("session_id").asText());
    assertThat(api.list(key, site).statusCode()).as("its key no longer works").isEqualTo(401);
  }
}
