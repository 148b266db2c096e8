package pelcro.exports.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
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
import pelcro.exports.client.SandboxControlException;

/** The container's URLs, built-in keys and control calls, against the real image. */
@ExtendWith(SandboxImageCondition.class)
@Testcontainers
class ExportsSandboxContainerTest {
  /** Long jobs: only the control calls finish an export within a test. */
  @Container
  static final ExportsSandboxContainer sandbox =
      new ExportsSandboxContainer()
          .withJobSeconds(600)
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
        .isEqualTo(
            "http://" + sandbox.getHost() + ":" + sandbox.getMappedPort(8080) + "/api/v1/core");
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(sandbox.rootUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(ExportsApi.json(health).path("status").asText()).isEqualTo("ok");
  }

  @Test
  void builtInKeysReachTheirOwnSitesOnly() throws Exception {
    assertThat(api.list(sandbox.enterpriseKey(), sandbox.siteId()).statusCode()).isEqualTo(200);
    assertThat(api.list(sandbox.enterpriseKey(), sandbox.secondSiteId()).statusCode())
        .isEqualTo(200);
    assertThat(api.list(sandbox.otherEnterpriseKey(), sandbox.otherSiteId()).statusCode())
        .isEqualTo(200);
    assertThat(api.list(sandbox.otherEnterpriseKey(), sandbox.siteId()).statusCode())
        .as("another account's site")
        .isEqualTo(400);
    assertThat(api.list(sandbox.basicKey(), sandbox.basicSiteId()).statusCode())
        .as("a non-Enterprise key")
        .isEqualTo(401);
  }

  @Test
  void rateLimitingIsOffUnlessAsked() throws Exception {
    // With limiting on, every authenticated answer carries X-RateLimit-Limit (README, Rate limits).
    assertThat(
            api.list(sandbox.enterpriseKey(), sandbox.siteId())
                .headers()
                .firstValue("X-RateLimit-Limit"))
        .isEmpty();
  }

  @Test
  void completeFinishesARunningExportAtOnce() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .isEqualTo(404);

    assertThat(sandbox.complete(uuid).path("finished_at").isNumber()).isTrue();

    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .isEqualTo(200);
  }

  @Test
  void failEndsARunningExportWithItsReason() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");

    assertThat(sandbox.fail(uuid, "Disk \"full\"").path("failed_reason").asText())
        .isEqualTo("Disk \"full\"");

    var download = api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid);
    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(ExportsApi.json(download).path("message").asText()).contains("try to export again");
  }

  @Test
  void advanceClockMovesRunningExportsForward() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");

    assertThat(sandbox.advanceClock(Duration.ofMinutes(10)).path("offset_seconds").asLong())
        .isEqualTo(600);

    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .isEqualTo(200);
  }

  @Test
  void resetForgetsExportsAndPutsTheClockBack() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.advanceClock(Duration.ofMinutes(10));

    sandbox.reset();

    assertThat(sandbox.clock().path("offset_seconds").asLong()).isZero();
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .as("a forgotten export")
        .isEqualTo(404);
  }

  @Test
  void aRefusedControlCallCarriesTheStatusAndTheAnswer() throws Exception {
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.complete(uuid);

    assertThatThrownBy(() -> sandbox.complete(uuid))
        .isInstanceOfSatisfying(
            SandboxControlException.class,
            e -> {
              assertThat(e.status()).as("no longer running").isEqualTo(409);
              assertThat(e.body()).contains("message");
            });
  }

  @Test
  void aScheduledFaultStrikesTheNextExportAndShowsHowOftenItStruck() throws Exception {
    sandbox.addFault(
        java.util.Map.of(
            "kind",
            "export_fails_at_start",
            "type",
            "customers",
            "times",
            1,
            "reason",
            "Disk full"));
    String failed = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");
    sandbox.advanceClock(Duration.ofSeconds(5));
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), failed).statusCode())
        .as("a failed export's file is not found")
        .isEqualTo(404);
    assertThat(sandbox.faults().path("data").get(0).path("struck").asInt()).isEqualTo(1);
    sandbox.clearFaults();
    assertThat(sandbox.faults().path("data").size()).isZero();
  }

  @Test
  void aSessionIsAnAccountOfItsOwnUntilItEnds() throws Exception {
    ExportsSandboxSession session = sandbox.newSession();
    String key = session.enterpriseKey();
    long site = session.siteId();
    api.request(key, site, "customers");
    api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers"); // no "Export in progress"
    sandbox.endSession(session.id());
    assertThat(api.list(key, site).statusCode()).as("its key no longer works").isEqualTo(401);
  }

  @Test
  void twoSessionsOnOneContainerMoveFinishAndResetOnlyTheirOwnExports() throws Exception {
    try (ExportsSandboxSession mine = sandbox.newSession();
        ExportsSandboxSession theirs = sandbox.newSession()) {
      assertThat(mine.enterpriseKey()).isNotEqualTo(theirs.enterpriseKey());
      assertThat(mine.baseUrl()).isEqualTo(sandbox.baseUrl());
      String myExport = api.request(mine.enterpriseKey(), mine.siteId(), "customers");
      String theirExport = api.request(theirs.enterpriseKey(), theirs.siteId(), "customers");
      String builtIn = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "customers");

      assertThat(mine.advanceClock(Duration.ofMinutes(10)).path("offset_seconds").asLong())
          .isEqualTo(600);
      assertThat(theirs.clock().path("offset_seconds").asLong()).as("their clock").isZero();
      assertThat(sandbox.clock().path("offset_seconds").asLong()).as("the sandbox clock").isZero();
      assertThat(api.download(mine.enterpriseKey(), mine.siteId(), myExport).statusCode())
          .isEqualTo(200);
      assertThat(api.download(theirs.enterpriseKey(), theirs.siteId(), theirExport).statusCode())
          .as("still running")
          .isEqualTo(404);
      assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), builtIn).statusCode())
          .as("still running")
          .isEqualTo(404);

      assertThatThrownBy(() -> mine.complete(theirExport))
          .isInstanceOfSatisfying(
              SandboxControlException.class,
              e -> assertThat(e.status()).as("another account's export").isEqualTo(404));
      assertThat(theirs.complete(theirExport).path("finished_at").isNumber()).isTrue();

      JsonNode findings = mine.lint().path("data");
      assertThat(findings.isArray()).isTrue();
      assertThat(findings)
          .as("the session's findings only")
          .allSatisfy(f -> assertThat(f.path("account_id").asLong()).isEqualTo(mine.accountId()));
      mine.reset();
      assertThat(mine.clock().path("offset_seconds").asLong()).isZero();
      assertThat(api.download(theirs.enterpriseKey(), theirs.siteId(), theirExport).statusCode())
          .as("their export survived my reset")
          .isEqualTo(200);
      String key = mine.enterpriseKey();
      mine.close();
      assertThat(api.list(key, 1001).statusCode())
          .as("closed: its key no longer works")
          .isEqualTo(401);
    }
  }
}
