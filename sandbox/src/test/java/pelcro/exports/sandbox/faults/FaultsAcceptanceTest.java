package pelcro.exports.sandbox.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE_2;
import static pelcro.exports.sandbox.Fixtures.OTHER_ACCOUNT_SITE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.helpers;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;
import static pelcro.exports.sandbox.support.ExportCalls.postExport;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;
import static pelcro.exports.sandbox.support.PlainHttp.writeDownloadRequest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.junit.SandboxHandle;

/**
 * Scheduled faults strike exactly as scheduled, only in their account, show only as the vendor's
 * own behaviour, and the documented invariants hold while they strike.
 */
class FaultsAcceptanceTest {
  private static final String NOT_FOUND =
      "The requested file was not found, please try to export again.";
  private static final String GONE =
      "The requested file has already been downloaded or has expired.";

  private static Response download(Sandbox sandbox, String key, long site, String uuid) {
    return api(sandbox, key).queryParam("site_id", site).get("/exports/" + uuid);
  }

  /** Asserts the vendor's answer to a download of an export that has not finished. */
  private static void assertNotReady(Sandbox sandbox, String uuid) {
    download(sandbox, ENTERPRISE, SITE, uuid)
        .then()
        .statusCode(404)
        .body("message", equalTo("The export is not yet ready to be downloaded."));
  }

  private static void schedule(Sandbox sandbox, String fault) {
    control(sandbox).body(fault).post("/faults").then().statusCode(200);
  }

  @Test
  void theNextTwoExportsOfATypeFailAndTheThirdSucceeds() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(2).start()) {
      schedule(
          sandbox,
          "{\"kind\":\"export_fails_at_start\",\"type\":\"customers\",\"times\":2,"
              + "\"reason\":\"Disk full\"}");
      List<String> uuids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        uuids.add(requestExport(sandbox, ENTERPRISE, SITE, "customers"));
        sandbox.clock().advance(Duration.ofSeconds(3)); // failed or finished: the type is free
      }
      for (int i = 0; i < 2; i++) {
        download(sandbox, ENTERPRISE, SITE, uuids.get(i))
            .then()
            .statusCode(404)
            .body("message", equalTo(NOT_FOUND));
      }
      download(sandbox, ENTERPRISE, SITE, uuids.get(2)).then().statusCode(200);
      control(sandbox)
          .get("/faults")
          .then()
          .statusCode(200)
          .body("data[0].struck", equalTo(2))
          .body("data[0].kind", equalTo("export_fails_at_start"));
    }
  }

  @Test
  void aHeldExportKeepsItsTypeBusyUntilItIsReleased() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(1).start()) {
      SandboxHandle handle = new SandboxHandle(sandbox);
      handle.faults().holdNext("invoices", 1);
      String held = requestExport(sandbox, ENTERPRISE, SITE, "invoices");
      sandbox.clock().advance(Duration.ofDays(1));
      assertNotReady(sandbox, held);
      postExport(sandbox, ENTERPRISE, SITE, "invoices").then().statusCode(409);
      handle.complete(held);
      download(sandbox, ENTERPRISE, SITE, held).then().statusCode(200);
    }
  }

  @Test
  void anOperationAnswers503WithRetryAfterTheNextTwoTimesThenRecovers() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      schedule(
          sandbox,
          "{\"kind\":\"operation_error\",\"operation\":\"listExports\",\"status\":503,"
              + "\"retry_after\":5,\"times\":2}");
      for (int i = 0; i < 2; i++) {
        listExports(sandbox, ENTERPRISE, SITE)
            .then()
            .statusCode(503)
            .header("Retry-After", "5")
            .body("message", equalTo("Service Unavailable"));
      }
      listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200);
    }
  }

  @Test
  void anOperationWithScheduledLatencyAnswersNoSoonerThanTheDelay() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      new SandboxHandle(sandbox).faults().slowCalls("listExports", 1, 800);
      long started = System.nanoTime();
      listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(took)
          .isGreaterThanOrEqualTo(Duration.ofMillis(800))
          .isLessThan(Duration.ofSeconds(8)); // generous: a shared machine
      control(sandbox).get("/faults").then().body("data[0].struck", equalTo(1));
    }
  }

  @Test
  void aThrottledOperationAnswers429WithRetryAfterInTheVendorsShapeThenRecovers() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      schedule(
          sandbox,
          "{\"kind\":\"operation_error\",\"operation\":\"requestExport\","
              + "\"status\":429,\"retry_after\":7,\"times\":1}");
      postExport(sandbox, ENTERPRISE, SITE, "customers")
          .then()
          .statusCode(429)
          .contentType(ContentType.JSON)
          .header("Retry-After", "7")
          .body("message", equalTo(ApiError.TOO_MANY_REQUESTS.message()));
      // Struck once: the next call goes through.
      requestExport(sandbox, ENTERPRISE, SITE, "customers");
    }
  }

  @Test
  void gatewayFaultsAnswer502And504AsJsonInTheVendorsErrorShapeWithoutRetryAfter() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      SandboxHandle handle = new SandboxHandle(sandbox);
      handle.faults().failCalls("listExports", 1, 502);
      handle.faults().failCalls("listExports", 1, 504);
      for (Object[] expected : new Object[][] {{502, "Bad Gateway"}, {504, "Gateway Timeout"}}) {
        Response answer = listExports(sandbox, ENTERPRISE, SITE);
        answer
            .then()
            .statusCode((Integer) expected[0])
            .contentType(ContentType.JSON)
            .body("message", equalTo(expected[1]));
        assertThat(answer.jsonPath().getMap("$")).containsOnlyKeys("message");
        assertThat(answer.header("Retry-After")).isNull();
      }
      listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200);
    }
  }

  @Test
  void anExportFailsHalfwayThroughProcessingAfterItStarted() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(4).listMode("jobs").start()) {
      new SandboxHandle(sandbox).faults().failNextWhileProcessing("payments", 1, "Disk full");
      String uuid = requestExport(sandbox, ENTERPRISE, SITE, "payments");
      String it = "data.find { it.uuid == '" + uuid + "' }.";

      sandbox.clock().advance(Duration.ofMillis(1500)); // processing since 1 s; fails at 2.5 s
      listExports(sandbox, ENTERPRISE, SITE)
          .then()
          .body(it + "started_at", org.hamcrest.Matchers.notNullValue())
          .body(it + "failed_reason", org.hamcrest.Matchers.nullValue());
      assertNotReady(sandbox, uuid);

      sandbox.clock().advance(Duration.ofSeconds(1));
      listExports(sandbox, ENTERPRISE, SITE)
          .then()
          .body(it + "failed_reason", equalTo("Disk full"))
          .body(it + "finished_at", org.hamcrest.Matchers.nullValue());
      download(sandbox, ENTERPRISE, SITE, uuid)
          .then()
          .statusCode(404)
          .body("message", equalTo(NOT_FOUND));
      requestExport(sandbox, ENTERPRISE, SITE, "payments"); // the type is free again
    }
  }

  @Test
  void anExportHeldWhileProcessingHasStartedAndKeepsItsTypeBusyUntilReleased() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(2).listMode("jobs").start()) {
      schedule(
          sandbox,
          "{\"kind\":\"export_held\",\"type\":\"refunds\",\"state\":\"processing\","
              + "\"times\":1}");
      String held = requestExport(sandbox, ENTERPRISE, SITE, "refunds");
      sandbox.clock().advance(Duration.ofDays(1));
      String it = "data.find { it.uuid == '" + held + "' }.";

      listExports(sandbox, ENTERPRISE, SITE)
          .then()
          .body(it + "started_at", org.hamcrest.Matchers.notNullValue())
          .body(it + "finished_at", org.hamcrest.Matchers.nullValue());
      assertNotReady(sandbox, held);
      postExport(sandbox, ENTERPRISE, SITE, "refunds").then().statusCode(409);

      new SandboxHandle(sandbox).complete(held);
      download(sandbox, ENTERPRISE, SITE, held).then().statusCode(200);
    }
  }

  @Test
  void aStruckFaultWritesItsLineUnderVerbose() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    Sandbox started;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // --verbose writes to the stdout of its start: this sandbox's lines go to the capture.
      started = Sandbox.builder().port(0).verbose(true).start();
    } finally {
      System.setOut(stdout);
    }
    try (Sandbox sandbox = started) {
      schedule(sandbox, "{\"kind\":\"nothing_to_export\",\"type\":\"orders\",\"times\":1}");
      postExport(sandbox, ENTERPRISE, SITE, "orders").then().statusCode(400);

      String lines = captured.toString(StandardCharsets.UTF_8);
      assertThat(
              lines
                  .lines()
                  .filter(
                      l ->
                          l.matches(
                              ".*\\bfault\\s+account 1\\s+flt_\\d+ nothing_to_export struck \\(1 of 1\\) on orders")))
          .hasSize(1);
    }
  }

  @Test
  void aSeededProbabilityStrikesTheSameCallsInTwoRuns() {
    List<List<Integer>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
        schedule(
            sandbox,
            "{\"kind\":\"operation_error\",\"operation\":\"listExports\","
                + "\"status\":500,\"probability\":0.4,\"seed\":11}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          statuses.add(listExports(sandbox, ENTERPRISE, SITE).then().extract().statusCode());
        }
        runs.add(statuses);
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1)).contains(500, 200);
  }

  @Test
  void anAccountsFaultNeverReachesAnotherAccount() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).start()) {
      org.hamcrest.Matcher<Integer> ok = equalTo(200);
      helpers(sandbox, ENTERPRISE)
          .body("{\"kind\":\"nothing_to_export\",\"type\":\"orders\"}")
          .post("/faults")
          .then()
          .statusCode(ok);
      postExport(sandbox, ENTERPRISE, SITE, "orders")
          .then()
          .statusCode(400)
          .body("message", equalTo("Nothing to export"));
      requestExport(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE, "orders");
    }
  }

  @Test
  void aFileExpiresEarlyAndAGoneDownloadIsAnsweredAsExpired() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(1).start()) {
      SandboxHandle handle = new SandboxHandle(sandbox);
      handle.faults().expireFilesAfter("customers", 10, 1);
      String expiring = requestExport(sandbox, ENTERPRISE, SITE, "customers");
      sandbox.clock().advance(Duration.ofSeconds(12));
      download(sandbox, ENTERPRISE, SITE, expiring)
          .then()
          .statusCode(400)
          .body("message", equalTo(GONE));
      handle.faults().expireDownloads("customers", 1);
      String gone = requestExport(sandbox, ENTERPRISE, SITE, "customers");
      sandbox.clock().advance(Duration.ofSeconds(2));
      download(sandbox, ENTERPRISE, SITE, gone)
          .then()
          .statusCode(400)
          .body("message", equalTo(GONE));
      download(sandbox, ENTERPRISE, SITE, gone).then().statusCode(400);
    }
  }

  @Test
  void aCutDownloadBreaksTheConnectionAndCanBeDownloadedAgainOnceInFull() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(0).start()) {
      new SandboxHandle(sandbox).faults().cutDownloads("customers", 1, 2000);
      String uuid = requestExport(sandbox, ENTERPRISE, SITE, "customers");
      try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
        socket.setSoTimeout(10_000);
        writeDownloadRequest(socket, uuid, SITE, ENTERPRISE, "");
        InputStream in = socket.getInputStream();
        byte[] all = in.readAllBytes(); // ends when the sandbox breaks the connection
        String text = new String(all, StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("HTTP/1.1 200").doesNotEndWith("0\r\n\r\n");
      }
      Response retry = download(sandbox, ENTERPRISE, SITE, uuid);
      for (int i = 0; i < 50 && retry.statusCode() != 200; i++) {
        Thread.sleep(100); // the broken transfer's end is reported asynchronously
        retry = download(sandbox, ENTERPRISE, SITE, uuid);
      }
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(retry.asString().length()).isGreaterThan(2000);
      download(sandbox, ENTERPRISE, SITE, uuid).then().statusCode(400);
    }
  }

  @Test
  void aSlowDownloadArrivesAtTheScheduledPace() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(0).recordsPerType(200).start()) {
      new SandboxHandle(sandbox)
          .faults()
          .add(java.util.Map.of("kind", "download_slow", "bytes_per_second", 20_000, "times", 1));
      String uuid = requestExport(sandbox, ENTERPRISE, SITE, "customers");
      long started = System.nanoTime();
      String body =
          download(sandbox, ENTERPRISE, SITE, uuid).then().statusCode(200).extract().asString();
      double seconds = (System.nanoTime() - started) / 1e9;
      assertThat(seconds).isGreaterThanOrEqualTo(body.length() / 20_000.0 * 0.8);
    }
  }

  @Test
  void aFaultsFileIsLoadedAtStartAndABadOneIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("faults.json");
    Files.writeString(file, "{\"faults\":[{\"kind\":\"nothing_to_export\",\"type\":\"refunds\"}]}");
    try (Sandbox sandbox = Sandbox.builder().port(0).faults(file).start()) {
      control(sandbox).get("/faults").then().body("data[0].type", equalTo("refunds"));
      postExport(sandbox, ENTERPRISE, SITE, "refunds").then().statusCode(400);
    }
    Files.writeString(file, "{\"faults\":[{\"kind\":\"meteor_strike\"}]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Sandbox.builder().port(0).faults(file).start())
        .hasMessageContaining("meteor_strike");
  }

  @Test
  void aMalformedFaultIsRefusedAndSchedulesNothing() {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      for (String bad :
          List.of(
              "{\"kind\":\"operation_error\",\"status\":418}",
              "{\"kind\":\"export_held\",\"type\":\"nope\"}",
              "{\"kind\":\"download_cut\"}",
              "{\"faults\":[{\"kind\":\"nothing_to_export\"},{\"kind\":\"bogus\"}]}",
              "[1]")) {
        control(sandbox).body(bad).post("/faults").then().statusCode(400);
      }
      control(sandbox).get("/faults").then().body("data.size()", equalTo(0));
    }
  }
}
