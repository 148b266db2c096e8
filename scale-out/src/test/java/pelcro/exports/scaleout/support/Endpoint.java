package pelcro.exports.scaleout.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the tests send requests: the load balancer or one node, by its root URL. The API under
 * {@code /api/v1/core}, the test helpers under {@code /__sandbox} (with the caller's key), the
 * control API under {@code /__admin/sandbox}, and {@code /health}; every request bounded in time.
 */
public final class Endpoint {
  /** The site every session and the default Enterprise account have. */
  public static final long SITE = 1001;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String name;
  private final String root;

  public Endpoint(String name, String root) {
    this.name = name;
    this.root = root;
  }

  /** A session made by the control API: an isolated Enterprise account and its key. */
  public record Session(String id, long accountId, String key) {}

  public String name() {
    return name;
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String root() {
    return root;
  }

  public String baseUrl() {
    return root + "/api/v1/core";
  }

  public Session session() {
    Answer created =
        send(
            HttpRequest.newBuilder(uri("/__admin/sandbox/sessions"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (created.status() != 200) {
      throw new AssertionError("no session: " + created);
    }
    JsonNode json = created.json();
    return new Session(
        json.path("session_id").asText(),
        json.path("account_id").asLong(),
        json.path("enterprise_key").asText());
  }

  public Answer list(String key) {
    return send(authorized("/api/v1/core/exports?site_id=" + SITE, key).GET());
  }

  /** POST /exports of {@code type} over the last 30 days. */
  public Answer request(String key, String type) {
    return request(key, recent(type));
  }

  /** POST /exports with this body. */
  public Answer request(String key, Map<String, Object> body) {
    return post("/api/v1/core/exports?site_id=" + SITE, key, body);
  }

  public Answer download(String key, String uuid) {
    return send(authorized("/api/v1/core/exports/" + uuid + "?site_id=" + SITE, key).GET());
  }

  /** Test helper: finishes the caller's running export now. */
  public Answer complete(String key, String uuid) {
    return post("/__sandbox/exports/" + uuid + "/complete", key, null);
  }

  /** Test helper: forgets the caller's exports and clock. */
  public Answer reset(String key) {
    return post("/__sandbox/reset", key, null);
  }

  /** Test helper: schedules a fault for the caller's account ({@code /__sandbox/faults}). */
  public Answer addFault(String key, Map<String, Object> fault) {
    return post("/__sandbox/faults", key, fault);
  }

  /** A download's request, for a test that reads the body as a stream. */
  public HttpRequest downloadRequest(String key, String uuid) {
    return authorized("/api/v1/core/exports/" + uuid + "?site_id=" + SITE, key)
        .timeout(TIMEOUT)
        .GET()
        .build();
  }

  public Answer clock(String key) {
    return send(authorized("/__sandbox/clock", key).GET());
  }

  public Answer advanceClock(String key, long seconds) {
    return post("/__sandbox/clock/advance", key, Map.of("seconds", seconds));
  }

  /** The control API's view of the sandbox clock. */
  public Answer controlClock() {
    return send(HttpRequest.newBuilder(uri("/__admin/sandbox/clock")).GET());
  }

  /** The docs page's copy of the spec, its examples' dates on the sandbox clock. */
  public Answer docsSpec() {
    return send(HttpRequest.newBuilder(uri("/docs/openapi.yaml")).GET());
  }

  public Answer health() {
    return send(HttpRequest.newBuilder(uri("/health")).GET());
  }

  /** The uuid of an export that was requested: fails with the answer otherwise. */
  public static String uuidOf(Answer requested) {
    if (requested.status() != 200) {
      throw new AssertionError("the export was not requested: " + requested);
    }
    return requested.json().path("data").path("uuid").asText();
  }

  /** Sends a request; an I/O failure (connection refused, reset, timeout) is status 0. */
  public Answer send(HttpRequest.Builder builder) {
    HttpRequest request = builder.timeout(TIMEOUT).build();
    String label = name + " " + request.method() + " " + request.uri().getRawPath();
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(label, response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      return new Answer(
          label,
          0,
          java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
          (e.getClass().getSimpleName() + ": " + e.getMessage()).getBytes());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer post(String path, String key, Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json(body));
    return send(authorized(path, key).header("Content-Type", "application/json").POST(publisher));
  }

  private HttpRequest.Builder authorized(String path, String key) {
    return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key);
  }

  private URI uri(String path) {
    return URI.create(root + path);
  }

  /** A request body for {@code type} over the 30 days before now (this machine's clock). */
  public static Map<String, Object> recent(String type) {
    long now = System.currentTimeMillis() / 1000 - 60;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", type);
    body.put("date_from", now - 30 * 86_400L);
    body.put("date_to", now);
    return body;
  }

  private static String json(Object body) {
    try {
      return Answer.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + root + ")";
  }
}
