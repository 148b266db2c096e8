package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.PlainHttp;

/**
 * The edge in front of WireMock: protocol garbage and closed routes get JSON 4xx answers, the admin
 * API can be locked with a token and keeps no key in full, and clients that stall in the middle of
 * a body do not take the server's threads.
 */
class EdgeAcceptanceTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void answersProtocolGarbageWithJson4xxAndNeverAStackTrace() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      for (String raw :
          List.of(
              "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n",
              "TRACE /api/v1/core/exports HTTP/1.1\r\nHost: x\r\n\r\n",
              "POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\nHost: x\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
              "POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\nHost: x\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n-1\r\nabc\r\n0\r\n\r\n",
              "GET /api/v1/core/exports HTTP/7.3\r\nHost: x\r\n\r\n",
              "GET /__admin/sandbox/clock;jsessionid={uuid}?limit= HTTP/1.1\r\nHost: x\r\n\r\n",
              "GET /api/v1/core/exports\r\n\r\n")) {
        String answer = rawExchange(sandbox, raw, false);
        assertThat(statusOf(answer)).as(raw).isBetween(400, 499);
        assertThat(answer)
            .as(raw)
            .containsIgnoringCase("content-type: application/json")
            .doesNotContain("Exception")
            .doesNotContain("<html");
      }
    }
  }

  @Test
  void deliversAFinishedFileToADownloadThatCarriesABody() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      String uuid =
          io.restassured.RestAssured.given()
              .baseUri(sandbox.baseUrl())
              .header("Authorization", "Bearer " + ENTERPRISE)
              .queryParam("site_id", 1001)
              .contentType("application/json")
              .body(pelcro.exports.sandbox.Fixtures.subscriptions())
              .post("/exports")
              .then()
              .statusCode(200)
              .extract()
              .path("data.uuid");
      io.restassured.RestAssured.given()
          .baseUri(sandbox.rootUrl())
          .header("Authorization", "Bearer " + ENTERPRISE)
          .post("/__sandbox/exports/" + uuid + "/complete")
          .then()
          .statusCode(200);

      String answer =
          rawExchange(
              sandbox,
              "GET /api/v1/core/exports/"
                  + uuid
                  + "?site_id=1001"
                  + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + ENTERPRISE
                  + "\r\nConnection: close"
                  + "\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"object\":\"\"}",
              false);
      assertThat(statusOf(answer)).isEqualTo(200);
      assertThat(answer).containsIgnoringCase("content-disposition: attachment");
    }
  }

  @Test
  void answersABodyCutShortByAHalfCloseWithA400() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      String answer =
          rawExchange(
              sandbox,
              "POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\n"
                  + "Host: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"obj",
              true);
      assertThat(statusOf(answer)).isEqualTo(400);
      assertThat(answer).contains("\"message\"").doesNotContain("Exception");
    }
  }

  @Test
  void refusesABodyThatStallsPastTheDeadline() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).bodyTimeoutSeconds(0.5).start();
        Socket socket = new Socket("127.0.0.1", sandbox.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\nHost: x\r\n"
                      + "Content-Length: 50\r\n\r\n{\"object\"")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(statusOf(answer)).isEqualTo(400);
      assertThat(answer).contains("did not arrive in time");
    }
  }

  @Test
  void readsABodyThatArrivesInPiecesWithinTheDeadline() throws Exception {
    String body =
        "{\"object\":\"subscriptions\",\"date_from\":\"2020-01-01\",\"date_to\":\"2020-01-02\"}";
    try (Sandbox sandbox = Sandbox.builder().port(0).bodyTimeoutSeconds(5).start();
        Socket socket = new Socket("127.0.0.1", sandbox.port())) {
      socket.setSoTimeout(10_000);
      socket.setTcpNoDelay(true);
      socket
          .getOutputStream()
          .write(
              ("POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\nHost: x\r\n"
                      + "Authorization: Bearer sk_test_enterprise\r\nContent-Type: application/json\r\n"
                      + "Connection: close\r\nContent-Length: "
                      + body.length()
                      + "\r\n\r\n"
                      + body.substring(0, 10))
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      Thread.sleep(300); // the reader waits for the rest: its deadline is now running
      socket.getOutputStream().write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      // The whole body was read and judged: 2020 holds no seeded record.
      assertThat(statusOf(answer)).isEqualTo(400);
      assertThat(answer).contains("Nothing to export").doesNotContain("did not arrive in time");
    }
  }

  @Test
  void keepsAnsweringWhileMoreClientsStallMidBodyThanTheServerHasThreads() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).bodyTimeoutSeconds(30).start()) {
      List<Socket> stalled = new ArrayList<>();
      try {
        for (int i = 0; i < 300; i++) {
          Socket socket = new Socket("127.0.0.1", sandbox.port());
          socket
              .getOutputStream()
              .write(
                  ("POST /api/v1/core/exports HTTP/1.1\r\nHost: x\r\n"
                          + "Content-Length: 1000\r\n\r\n{")
                      .getBytes(StandardCharsets.US_ASCII));
          stalled.add(socket);
        }
        long started = System.nanoTime();
        HttpResponse<String> answer =
            HTTP.send(
                api(sandbox, "/exports?site_id=1001").timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void servesNoFilesRedirectsNothingAndKeepsWireMocksSettingsAndFilesClosed() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      assertThat(rawExchange(sandbox, "GET /__admin HTTP/1.1\r\nHost: evil.example\r\n\r\n", false))
          .startsWith("HTTP/1.1 404")
          .doesNotContainIgnoringCase("location:");
      for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
        HttpResponse<String> files = send(sandbox, method, "/__files/", null);
        assertThat(files.statusCode()).as(method).isEqualTo(404);
        assertThat(files.body()).contains("\"message\"");
      }
      assertThat(send(sandbox, "POST", "/__admin/settings", "{}").statusCode()).isEqualTo(405);
      assertThat(send(sandbox, "POST", "/__admin/recordings/start", "{}").statusCode())
          .isEqualTo(405);
      assertThat(send(sandbox, "GET", "/__admin/files", null).statusCode()).isEqualTo(405);
      assertThat(
              HTTP.send(
                      api(sandbox, "/exports?site_id=1001").GET().build(),
                      HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void journalsRequestsWithTheirKeysMasked() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      HTTP.send(
          api(sandbox, "/exports?site_id=1001&api_key=" + ENTERPRISE).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String journal = send(sandbox, "GET", "/__admin/requests", null).body();
      assertThat(journal).contains("sk_test_…").doesNotContain(ENTERPRISE);
    }
  }

  @Test
  void locksTheAdminApiBehindItsToken() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).adminToken("s3cret-token").start()) {
      assertThat(send(sandbox, "GET", "/__admin/sandbox/clock", null).statusCode()).isEqualTo(401);
      HttpResponse<String> withToken =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(sandbox.rootUrl() + "/__admin/sandbox/clock"))
                  .header("Authorization", "Bearer s3cret-token")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withToken.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void shutsTheSandboxDownOnRequest() throws Exception {
    Sandbox sandbox = Sandbox.builder().port(0).start();
    try {
      assertThat(send(sandbox, "POST", "/__admin/shutdown", null).statusCode()).isEqualTo(200);
      CompletableFuture<Void> closed =
          CompletableFuture.runAsync(
              () -> {
                try {
                  sandbox.awaitClosed();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      closed.get(10, TimeUnit.SECONDS);
      assertThat(closed).isDone();
    } finally {
      sandbox.close();
    }
  }

  private static HttpRequest.Builder api(Sandbox sandbox, String path) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .header("Authorization", "Bearer " + ENTERPRISE);
  }

  private static HttpResponse<String> send(Sandbox sandbox, String method, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        PlainHttp.request(method, sandbox.rootUrl() + path, body).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Sends raw bytes (what a proper client never would) and reads the whole answer. */
  private static String rawExchange(Sandbox sandbox, String raw, boolean halfClose)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (halfClose) {
        socket.shutdownOutput();
      }
      return readAnswer(socket.getInputStream());
    }
  }

  /** Reads the status line, the headers and a Content-Length body (or up to the close). */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder answer = new StringBuilder();
    int end = -1;
    while (end < 0) {
      int b = in.read();
      if (b < 0) {
        return answer.toString();
      }
      answer.append((char) b);
      end = answer.indexOf("\r\n\r\n");
    }
    java.util.regex.Matcher length =
        java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(answer);
    byte[] body =
        length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
    return answer + new String(body, StandardCharsets.UTF_8);
  }

  private static int statusOf(String answer) {
    String[] parts = answer.split(" ", 3);
    return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
  }
}
