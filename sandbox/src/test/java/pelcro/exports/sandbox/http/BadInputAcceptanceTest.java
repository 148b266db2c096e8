package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SpecValidated;

/**
 * No input a client can send produces a 5xx: malformed and odd bodies, wrong types, huge bodies,
 * unknown paths, wrong methods, weird uuids and bad keys all get a 4xx JSON message. Sent with the
 * JDK client, byte-exact (REST Assured would fix some of them up).
 */
class BadInputAcceptanceTest {
  private static Sandbox sandbox;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private record Case(String method, String path, String auth, String type, byte[] body) {}

  private static Case post(String body) {
    return post("application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static Case post(String type, byte[] body) {
    return new Case("POST", "/exports?site_id=1001", ENTERPRISE, type, body);
  }

  private static Case get(String path, String auth) {
    return new Case("GET", path, auth, null, null);
  }

  @Test
  void answersEveryBadInputWithA4xxJsonMessage() throws Exception {
    List<Case> cases = new ArrayList<>();
    for (String body :
        List.of(
            "",
            "{",
            "{\"object\":",
            "[]",
            "[1,2]",
            "\"subscriptions\"",
            "42",
            "null",
            "true",
            "{}",
            "{\"object\":null}",
            "{\"object\":[\"subscriptions\"]}",
            "{\"object\":{}}",
            "{} {}",
            "{\"object\":\"subscriptions\",\"date_from\":\"yesterday\"," + "\"date_to\":1.5}",
            "{\"object\":\"subscriptions\",\"date_from\":-1,\"date_to\":99999999999999999999999}",
            "{\"object\":\"subscriptions\",\"date_from\":1704067200,\"date_to\":1711929600,"
                + "\"plan_id\":3000000000,\"status\":null,\"mode\":1}",
            "{\"object\":\"accounting\",\"month\":\"2024-02-30\",\"currency\":\"\"}",
            "{\"object\":\"accounting\",\"month\":20240101,\"currency\":5}",
            "{\"object\":\"newsletters\",\"date_from\":1,\"date_to\":2,\"email\":\"not-an-email\"}",
            "{\"object\":\"addresses\",\"date_from\":1,\"date_to\":2,\"country\":\"usa\"}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
            "\u0000\u0001\u0002",
            "{\"object\":\"\\ud800\"}")) {
      cases.add(post(body));
    }
    cases.add(post("application/json", new byte[1024 * 1024 + 10]));
    cases.add(post("application/json", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0}));
    cases.add(post("multipart/form-data; boundary=zz", "--zz\r\nbroken".getBytes()));
    cases.add(post("application/x-www-form-urlencoded; charset=nonsense", "a=%zz".getBytes()));
    cases.add(post("text/plain; charset=bogus", "{}".getBytes()));
    for (String path :
        List.of(
            "/nope",
            "/exports/",
            "/exports/a/b",
            "/exports?site_id=99999999999999999999",
            "/exports?site_id=-5",
            "/exports/%00?site_id=1001",
            "/exports/" + "x".repeat(500) + "?site_id=1001",
            "/exports/..%2F..%2Fetc?site_id=1001",
            "/exports/not-a-uuid?site_id=1001",
            "/exports/null?site_id=1001")) {
      cases.add(get(path, ENTERPRISE));
    }
    for (String auth :
        List.of(
            "",
            "Bearer",
            "Bearer ",
            "bearer sk_test_enterprise_x",
            "Token x",
            "Bearer " + "k".repeat(5000))) {
      cases.add(new Case("GET", "/exports?site_id=1001", "RAW:" + auth, null, null));
    }
    for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS", "HEAD")) {
      cases.add(new Case(method, "/exports?site_id=1001", ENTERPRISE, null, null));
      cases.add(new Case(method, "/exports/abc?site_id=1001", ENTERPRISE, null, null));
    }
    for (Case c : cases) {
      HttpResponse<String> response = send(c);
      String label =
          c.method()
              + " "
              + c.path()
              + " "
              + (c.body() == null
                  ? ""
                  : new String(c.body(), 0, Math.min(60, c.body().length), StandardCharsets.UTF_8));
      assertThat(response.statusCode()).as(label).isBetween(400, 499);
      String path = URI.create(sandbox.baseUrl()).getPath() + c.path().split("\\?")[0];
      if (!c.method().equals("HEAD")) {
        SpecValidated.assertResponseValid(
            c.method(),
            path,
            response.statusCode(),
            response.headers().firstValue("Content-Type").orElse(null),
            response.body());
        assertThat(response.headers().firstValue("Content-Type"))
            .as(label)
            .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).as(label).contains("\"message\"");
      }
    }
  }

  @Test
  void answersAnUndecodableQueryOrPathWith400Or404() throws Exception {
    for (String target :
        List.of(
            "/api/v1/core/exports?site_id=%zz",
            "/api/v1/core/exports?site_id=1001&%=x", "/api/v1/core/exports/%zz?site_id=1001")) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sandbox.port())) {
        socket
            .getOutputStream()
            .write(
                ("GET "
                        + target
                        + " HTTP/1.1\r\nHost: x\r\n"
                        + "Authorization: Bearer "
                        + ENTERPRISE
                        + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(answer).as(target).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
      }
    }
  }

  @Test
  void garbageAfterARequestIsRefusedWithConnectionCloseSoNoClientReadsAStrayBody()
      throws Exception {
    // A body longer than its Content-Length holds a second, unparsable "request". Its 400 must
    // say the connection ends: a client that took it for its next (HEAD) request's answer would
    // otherwise read its body as the start of the answer after.
    for (String first : List.of("HEAD", "GET")) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", sandbox.port())) {
        socket
            .getOutputStream()
            .write(
                (first
                        + " /api/v1/core/exports?site_id=1001 HTTP/1.1\r\n"
                        + "Host: x\r\nAuthorization: Bearer "
                        + ENTERPRISE
                        + "\r\nContent-Length: 5\r\n\r\n"
                        + "abcdeGET / HTTP/1.1 x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String second = answers.substring(answers.lastIndexOf("HTTP/1.1 "));
        assertThat(second)
            .as(first)
            .startsWith("HTTP/1.1 400 ")
            .containsIgnoringCase("\r\nConnection: close\r\n");
      }
    }
  }

  private static HttpResponse<String> send(Case c) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + c.path()));
    if (c.auth() != null) {
      b.header(
          "Authorization",
          c.auth().startsWith("RAW:") ? c.auth().substring(4) : "Bearer " + c.auth());
    }
    if (c.type() != null) {
      b.header("Content-Type", c.type());
    }
    HttpRequest.BodyPublisher body =
        c.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(c.body());
    b.method(c.method(), body);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
