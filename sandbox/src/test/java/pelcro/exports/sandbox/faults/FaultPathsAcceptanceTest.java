package pelcro.exports.sandbox.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.PlainHttp.writeDownloadRequest;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pelcro.exports.sandbox.Fixtures;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;
import pelcro.exports.sandbox.support.LocalRedis;
import pelcro.exports.sandbox.webhooks.WebhookSigner;

/**
 * A fault counted as struck has struck, whichever path the export then takes: its natural finish on
 * the account's clock, the control API's {@code complete} or {@code fail}, the test helpers' {@code
 * complete} or {@code fail}; always in a session (an account of its own), with the state in memory
 * and in a real redis-server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultPathsAcceptanceTest {
  private static final String NOT_FOUND =
      "The requested file was not found, please try to export again.";
  private static final String NOT_READY = "The export is not yet ready to be downloaded.";
  private static final String GONE =
      "The requested file has already been downloaded or has expired.";
  private static final String TYPE = "customers";
  private static final int JOB_SECONDS = 60;
  private static final int LATE_SECONDS = 600;
  private static final String SECRET = "whsec_fault_paths";
  private static final int LATENCY_MS = 400;
  private static final int BYTES_PER_SECOND = 16_000;

  /** Where the state is kept. */
  enum Engine {
    MEMORY,
    REDIS
  }

  /** How the export ends after the fault was scheduled. */
  enum Path {
    NATURAL,
    CONTROL_COMPLETE,
    CONTROL_FAIL,
    HELPER_COMPLETE,
    HELPER_FAIL;

    boolean fails() {
      return this == CONTROL_FAIL || this == HELPER_FAIL;
    }
  }

  /** A session's account: its key and first site, on one sandbox. */
  record Session(Sandbox sandbox, String key, long site) {}

  private final Map<Engine, Sandbox> sandboxes = new EnumMap<>(Engine.class);
  private LocalRedis redis;

  /** Each event the receiver got, by its body: the signature it came with. */
  private final Map<String, String> received = new ConcurrentHashMap<>();

  private HttpServer receiver;

  @BeforeAll
  void start() throws Exception {
    receiver = receiver();
    SandboxBuilder memory = builder();
    sandboxes.put(Engine.MEMORY, memory.start());
    if (LocalRedis.installed()) {
      redis = LocalRedis.start(false);
      sandboxes.put(Engine.REDIS, builder().state(redis.uri()).start());
    }
  }

  private SandboxBuilder builder() {
    return Sandbox.builder()
        .port(0)
        .jobSeconds(JOB_SECONDS)
        .rateLimit(0)
        .webhook(
            URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks"), SECRET);
  }

  /** A webhook receiver that accepts every event and keeps its signature. */
  private HttpServer receiver() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String signature = exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER);
          received.put(body, signature == null ? "" : signature);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  @AfterAll
  void stop() {
    sandboxes.values().forEach(Sandbox::close);
    if (redis != null) {
      redis.close();
    }
    receiver.stop(0);
  }

  private static final List<String> FILE_FAULTS =
      List.of("file_expires", "download_gone", "download_cut", "download_slow");
  private static final List<String> OPERATION_FAULTS =
      List.of("operation_error", "operation_latency");
  private static final List<String> WEBHOOK_FAULTS =
      List.of(
          "webhook_late",
          "webhook_duplicate",
          "webhook_out_of_order",
          "webhook_bad_signature",
          "webhook_dropped");

  private Stream<Arguments> cases(List<String> kinds, List<Path> paths) {
    List<Arguments> all = new ArrayList<>();
    for (Engine engine : sandboxes.keySet()) {
      for (String kind : kinds) {
        for (Path path : paths) {
          all.add(Arguments.of(engine, kind, path));
        }
      }
    }
    return all.stream();
  }

  Stream<Arguments> failures() {
    return cases(
        List.of("export_fails_at_start", "export_fails_while_processing"), List.of(Path.values()));
  }

  Stream<Arguments> holds() {
    return cases(List.of("export_held"), List.of(Path.values()));
  }

  Stream<Arguments> finishes() {
    return cases(
        Stream.concat(FILE_FAULTS.stream(), OPERATION_FAULTS.stream()).toList(),
        List.of(Path.NATURAL, Path.CONTROL_COMPLETE, Path.HELPER_COMPLETE));
  }

  Stream<Arguments> fileFaultsFailedByHand() {
    return cases(FILE_FAULTS, List.of(Path.CONTROL_FAIL, Path.HELPER_FAIL));
  }

  Stream<Arguments> operationFaultsFailedByHand() {
    return cases(OPERATION_FAULTS, List.of(Path.CONTROL_FAIL, Path.HELPER_FAIL));
  }

  Stream<Arguments> webhooks() {
    return cases(WEBHOOK_FAULTS, List.of(Path.values()));
  }

  Stream<Arguments> webhooksFailedByHand() {
    return cases(WEBHOOK_FAULTS, List.of(Path.CONTROL_FAIL, Path.HELPER_FAIL));
  }

  Stream<Arguments> requests() {
    return cases(List.of("nothing_to_export"), List.of(Path.NATURAL));
  }

  // --- the sandbox, as a session's user meets it ---

  private Session session(Engine engine) {
    Sandbox sandbox = sandboxes.get(engine);
    JsonPath created =
        control(sandbox).post("/sessions").then().statusCode(200).extract().jsonPath();
    return new Session(
        sandbox, created.getString("enterprise_key"), created.getLong("site_ids[0]"));
  }

  private static RequestSpecification helpers(Session s) {
    return given()
        .baseUri(s.sandbox().rootUrl() + "/__sandbox")
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + s.key());
  }

  private static RequestSpecification api(Session s) {
    return given()
        .baseUri(s.sandbox().baseUrl())
        .header("Authorization", "Bearer " + s.key())
        .queryParam("site_id", s.site());
  }

  private static void schedule(Session s, String fault) {
    helpers(s).body(fault).post("/faults").then().statusCode(200);
  }

  private static String request(Session s) {
    return api(s)
        .contentType(ContentType.JSON)
        .body(Fixtures.ofType(TYPE))
        .post("/exports")
        .then()
        .statusCode(200)
        .extract()
        .path("data.uuid");
  }

  /** Requests an export and ends it by {@code path}, which must answer 200. */
  private static String requestEnded(Session s, Path path) {
    String uuid = request(s);
    end(s, uuid, path).then().statusCode(200);
    return uuid;
  }

  private static void advance(Session s, long seconds) {
    helpers(s).body("{\"seconds\": " + seconds + "}").post("/clock/advance").then().statusCode(200);
  }

  private static long now(Session s) {
    return helpers(s).get("/clock").then().statusCode(200).extract().jsonPath().getLong("now");
  }

  private static Response download(Session s, String uuid) {
    return api(s).get("/exports/" + uuid);
  }

  /** Takes the export down {@code path}; the control answer, or null for the natural finish. */
  private static Response end(Session s, String uuid, Path path) {
    RequestSpecification controlApi = control(s.sandbox());
    return switch (path) {
      case NATURAL -> {
        advance(s, JOB_SECONDS + 1);
        yield null;
      }
      case CONTROL_COMPLETE -> controlApi.post("/exports/" + uuid + "/complete");
      case HELPER_COMPLETE -> helpers(s).post("/exports/" + uuid + "/complete");
      case CONTROL_FAIL ->
          controlApi.body("{\"reason\": \"By hand\"}").post("/exports/" + uuid + "/fail");
      case HELPER_FAIL ->
          helpers(s).body("{\"reason\": \"By hand\"}").post("/exports/" + uuid + "/fail");
    };
  }

  private static int struck(Session s) {
    return helpers(s).get("/faults").then().statusCode(200).extract().path("data[0].struck");
  }

  private static List<Map<String, Object>> deliveries(Session s, String uuid, String event) {
    List<Map<String, Object>> all =
        control(s.sandbox())
            .get("/webhooks/deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return all.stream()
        .filter(d -> uuid.equals(d.get("export_uuid")) && event.equals(d.get("event_type")))
        .toList();
  }

  // --- each kind on each path ---

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("failures")
  void aScheduledFailureFailsTheExportOnEveryPath(Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(
        s,
        "{\"kind\":\""
            + kind
            + "\",\"type\":\""
            + TYPE
            + "\",\"times\":1,"
            + "\"reason\":\"Disk full\"}");
    String uuid = request(s);
    Response answer = end(s, uuid, path);
    if (answer != null) {
      answer
          .then()
          .statusCode(200)
          .body("finished_at", nullValue())
          .body("failed_reason", equalTo(path.fails() ? "By hand" : "Disk full"));
    }
    download(s, uuid).then().statusCode(404).body("message", equalTo(NOT_FOUND));
    assertThat(struck(s)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("holds")
  void aHeldExportWaitsForTheControlCallsOnEveryPath(Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, "{\"kind\":\"" + kind + "\",\"type\":\"" + TYPE + "\",\"times\":1}");
    String uuid = request(s);
    advance(s, 3600);
    download(s, uuid).then().statusCode(404).body("message", equalTo(NOT_READY));
    if (path != Path.NATURAL) {
      end(s, uuid, path).then().statusCode(200);
      download(s, uuid).then().statusCode(path.fails() ? 404 : 200);
    }
    assertThat(struck(s)).isEqualTo(1);
  }

  Stream<Arguments> heldAndExpiring() {
    return cases(List.of("export_held"), List.of(Path.CONTROL_COMPLETE, Path.HELPER_COMPLETE));
  }

  @ParameterizedTest(name = "{0}: {1} with file_expires then {2}")
  @MethodSource("heldAndExpiring")
  void aHeldExportKeepsItsFileExpiryUntilItIsCompleted(Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, fileExpiresAnd(kind));
    String uuid = request(s);
    advance(s, 3600);
    end(s, uuid, path).then().statusCode(200);
    advance(s, 31);
    download(s, uuid).then().statusCode(400).body("message", equalTo(GONE));
    helpers(s).get("/faults").then().statusCode(200).body("data.struck", equalTo(List.of(1, 1)));
  }

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("finishes")
  void aFileFaultStrikesTheFileHoweverTheExportFinished(Engine engine, String kind, Path path)
      throws Exception {
    Session s = session(engine);
    schedule(s, fileFault(kind));
    String uuid = request(s);
    Response answer = end(s, uuid, path);
    if (answer != null) {
      answer.then().statusCode(200);
    }
    assertStruckTheFile(s, kind, uuid);
    assertThat(struck(s)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("fileFaultsFailedByHand")
  void aFileFaultOfAnExportFailedByHandStrikesTheNextExportsFile(
      Engine engine, String kind, Path path) throws Exception {
    Session s = session(engine);
    schedule(s, fileFault(kind));
    String failed = requestEnded(s, path);
    download(s, failed).then().statusCode(404).body("message", equalTo(NOT_FOUND));
    assertThat(struck(s)).isZero(); // given back, or never weighed: it has no file

    String next = request(s);
    end(s, next, Path.NATURAL);
    assertStruckTheFile(s, kind, next);
    assertThat(struck(s)).isEqualTo(1);
  }

  Stream<Arguments> heldAndFailed() {
    return cases(List.of("export_held"), List.of(Path.CONTROL_FAIL, Path.HELPER_FAIL));
  }

  @ParameterizedTest(name = "{0}: {1} with file_expires then {2}")
  @MethodSource("heldAndFailed")
  void aHeldExportFailedByHandGivesItsFileExpiryToTheNextExport(
      Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, fileExpiresAnd(kind));
    String held = requestEnded(s, path);
    helpers(s).get("/faults").then().statusCode(200).body("data.struck", equalTo(List.of(0, 1)));

    String next = request(s);
    end(s, next, Path.NATURAL);
    advance(s, 31);
    download(s, next).then().statusCode(400).body("message", equalTo(GONE));
    helpers(s).get("/faults").then().statusCode(200).body("data.struck", equalTo(List.of(1, 1)));
  }

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("operationFaultsFailedByHand")
  void anOperationFaultStrikesTheDownloadOfAnExportFailedByHand(
      Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, fileFault(kind));
    String uuid = requestEnded(s, path);
    long before = System.nanoTime();
    Response answer = download(s, uuid);
    if (kind.equals("operation_error")) {
      answer.then().statusCode(503);
    } else {
      answer.then().statusCode(404).body("message", equalTo(NOT_FOUND));
      assertThat(Duration.ofNanos(System.nanoTime() - before))
          .isGreaterThanOrEqualTo(Duration.ofMillis(LATENCY_MS));
    }
    download(s, uuid).then().statusCode(404).body("message", equalTo(NOT_FOUND));
    assertThat(struck(s)).isEqualTo(1);
  }

  /** A file_expires (30 s) and a {@code kind} fault, both once, on the same type. */
  private static String fileExpiresAnd(String kind) {
    return "{\"faults\":[{\"kind\":\"file_expires\",\"type\":\""
        + TYPE
        + "\","
        + "\"seconds\":30,\"times\":1},{\"kind\":\""
        + kind
        + "\",\"type\":\""
        + TYPE
        + "\","
        + "\"times\":1}]}";
  }

  private static String fileFault(String kind) {
    String params =
        switch (kind) {
          case "file_expires" -> "\"type\":\"" + TYPE + "\",\"seconds\":30";
          case "download_cut" -> "\"type\":\"" + TYPE + "\",\"after_bytes\":64";
          case "download_slow" ->
              "\"type\":\"" + TYPE + "\",\"bytes_per_second\":" + BYTES_PER_SECOND;
          case "operation_error" -> "\"operation\":\"downloadExport\",\"status\":503";
          case "operation_latency" ->
              "\"operation\":\"downloadExport\",\"latency_ms\":" + LATENCY_MS;
          default -> "\"type\":\"" + TYPE + "\"";
        };
    return "{\"kind\":\"" + kind + "\"," + params + ",\"times\":1}";
  }

  /** The finished export's file as the fault has it; then (once struck) as it is. */
  private static void assertStruckTheFile(Session s, String kind, String uuid) throws Exception {
    switch (kind) {
      case "file_expires" -> {
        advance(s, 31);
        download(s, uuid).then().statusCode(400).body("message", equalTo(GONE));
      }
      case "download_gone" ->
          download(s, uuid).then().statusCode(400).body("message", equalTo(GONE));
      case "download_cut" -> {
        assertThat(rawDownload(s, uuid)).startsWith("HTTP/1.1 200").doesNotEndWith("0\r\n\r\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> download(s, uuid).statusCode() == 200);
      }
      case "download_slow" -> {
        long before = System.nanoTime();
        byte[] file = download(s, uuid).then().statusCode(200).extract().asByteArray();
        long millis = Duration.ofNanos(System.nanoTime() - before).toMillis();
        // Paced to BYTES_PER_SECOND: at least half the time that takes (loose, never flaky).
        assertThat(file.length).isPositive();
        assertThat(millis).isGreaterThanOrEqualTo(file.length * 1000L / BYTES_PER_SECOND / 2);
      }
      case "operation_latency" -> {
        long before = System.nanoTime();
        download(s, uuid).then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - before))
            .isGreaterThanOrEqualTo(Duration.ofMillis(LATENCY_MS));
      }
      default -> {
        download(s, uuid).then().statusCode(503);
        download(s, uuid).then().statusCode(200);
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1} then {2}")
  @MethodSource("webhooks")
  void aWebhookFaultStrikesTheEventOfTheExportsRealEnd(Engine engine, String kind, Path path) {
    Session s = session(engine);
    String event = path.fails() ? "export.failed" : "export.completed";
    schedule(s, webhookFault(kind, event));
    String uuid = request(s);
    Response answer = end(s, uuid, path);
    if (answer != null) {
      answer.then().statusCode(200);
    }
    assertStruckTheEvent(s, kind, uuid, event);
    assertThat(struck(s)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}: {1} on export.completed then {2}")
  @MethodSource("webhooksFailedByHand")
  void aWebhookFaultOnThePlannedCompletionStrikesTheFailureThatReplacesIt(
      Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, webhookFault(kind, "export.completed"));
    String uuid = requestEnded(s, path);
    assertThat(deliveries(s, uuid, "export.completed")).isEmpty();
    assertStruckTheEvent(s, kind, uuid, "export.failed");
    assertThat(struck(s)).isEqualTo(1);
  }

  private static String webhookFault(String kind, String event) {
    String seconds = kind.equals("webhook_late") ? ",\"seconds\":" + LATE_SECONDS : "";
    return "{\"kind\":\"" + kind + "\",\"event\":\"" + event + "\",\"times\":1" + seconds + "}";
  }

  /** The export's {@code event} is delivered as the webhook fault {@code kind} has it. */
  private void assertStruckTheEvent(Session s, String kind, String uuid, String event) {
    switch (kind) {
      case "webhook_late" -> {
        List<Map<String, Object>> sent = deliveries(s, uuid, event);
        assertThat(sent).hasSize(1);
        long due = ((Number) sent.get(0).get("next_attempt_at")).longValue();
        assertThat(due).isGreaterThan(now(s) + LATE_SECONDS / 2);
      }
      case "webhook_duplicate" ->
          assertThat(deliveries(s, uuid, event))
              .hasSize(2)
              .extracting(d -> d.get("event_id"))
              .containsOnly(deliveries(s, uuid, event).get(0).get("event_id"));
      case "webhook_dropped" ->
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(() -> assertThat(firstAttemptError(s, uuid, event)).contains("drops"));
      case "webhook_bad_signature" -> {
        WebhookSigner withTheSecret = new WebhookSigner(SECRET);
        String eventId = (String) deliveries(s, uuid, event).get(0).get("event_id");
        String body =
            await()
                .atMost(Duration.ofSeconds(10))
                .until(
                    () ->
                        received.keySet().stream()
                            .filter(b -> b.contains(eventId))
                            .findFirst()
                            .orElse(null),
                    b -> b != null);
        assertThat(received.get(body))
            .isNotEqualTo(withTheSecret.sign(body.getBytes(StandardCharsets.UTF_8)));
      }
      default -> { // out of order: held back behind a later event, then sent
        String later = request(s);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    "delivered"
                        .equals(deliveries(s, later, "export.requested").get(0).get("status")));
        Map<String, Object> held = deliveries(s, uuid, event).get(0);
        assertThat(held.get("status")).isEqualTo("pending");
        assertThat((List<?>) held.get("attempts")).isEmpty();
        advance(s, 3601);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> "delivered".equals(deliveries(s, uuid, event).get(0).get("status")));
      }
    }
  }

  private static String firstAttemptError(Session s, String uuid, String event) {
    List<?> attempts = (List<?>) deliveries(s, uuid, event).get(0).get("attempts");
    return attempts.isEmpty() ? "" : String.valueOf(((Map<?, ?>) attempts.get(0)).get("error"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("requests")
  void nothingToExportIsAnsweredInEverySessionAndEngine(Engine engine, String kind, Path path) {
    Session s = session(engine);
    schedule(s, "{\"kind\":\"" + kind + "\",\"type\":\"" + TYPE + "\",\"times\":1}");
    api(s)
        .contentType(ContentType.JSON)
        .body(Fixtures.ofType(TYPE))
        .post("/exports")
        .then()
        .statusCode(400)
        .body("message", equalTo("Nothing to export"));
    assertThat(struck(s)).isEqualTo(1);
    request(s);
  }

  /** The download read from a raw socket, as far as the sandbox sends it. */
  private static String rawDownload(Session s, String uuid) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.sandbox().port())) {
      socket.setSoTimeout(10_000);
      writeDownloadRequest(socket, uuid, s.site(), s.key(), "");
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
