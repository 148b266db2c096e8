package pelcro.exports.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one client of a sandbox's control surface: the control API ({@code /__admin/sandbox/*},
 * acting on the whole sandbox, guarded by {@code --admin-token}) made by {@link #controlApi}, or an
 * account's test helpers ({@code /__sandbox/*}, acting on the account of the key sent) made by
 * {@link #testHelpers}. Every call answers the sandbox's JSON; any status but 200 is a {@link
 * SandboxControlException}. The calls marked "control API only" answer 404 through the test
 * helpers, which do not have them.
 */
public final class SandboxControlClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();

  private final Supplier<String> rootUrl;
  private final String prefix;
  private final String bearer;

  private SandboxControlClient(Supplier<String> rootUrl, String prefix, String bearer) {
    this.rootUrl = Objects.requireNonNull(rootUrl, "rootUrl");
    this.prefix = prefix;
    this.bearer = bearer;
  }

  /**
   * The control API of the sandbox at {@code rootUrl} ({@code http://host:port}, read at each call,
   * so that a restarted container's new port is used).
   *
   * @param adminToken the sandbox's {@code --admin-token}, or null when it has none
   */
  public static SandboxControlClient controlApi(Supplier<String> rootUrl, String adminToken) {
    return new SandboxControlClient(rootUrl, "/__admin/sandbox", adminToken);
  }

  /** The control API of the sandbox at {@code rootUrl}, which has no admin token. */
  public static SandboxControlClient controlApi(String rootUrl) {
    return controlApi(() -> rootUrl, null);
  }

  /** The test helpers of the account whose API key is {@code key}, on the sandbox at rootUrl. */
  public static SandboxControlClient testHelpers(Supplier<String> rootUrl, String key) {
    return new SandboxControlClient(rootUrl, "/__sandbox", Objects.requireNonNull(key, "key"));
  }

  /** Back to the initial state: no exports, the clock on real time (the account's, for helpers). */
  public JsonNode reset() {
    return post("/reset", null);
  }

  /** The clock: {@code now}, {@code iso}, {@code offset_seconds}. */
  public JsonNode clock() {
    return get("/clock");
  }

  /** Moves the clock forward, and every export with it; answers the clock. */
  public JsonNode advanceClock(Duration by) {
    return post("/clock/advance", Map.of("seconds", by.toMillis() / 1000.0));
  }

  /** One account's clock (control API only). */
  public JsonNode accountClock(long accountId) {
    return get("/accounts/" + accountId + "/clock");
  }

  /** Moves one account's clock forward (control API only). */
  public JsonNode advanceAccountClock(long accountId, Duration by) {
    return post(
        "/accounts/" + accountId + "/clock/advance", Map.of("seconds", by.toMillis() / 1000.0));
  }

  /** Forgets one account's exports, clock, faults and lint findings (control API only). */
  public JsonNode resetAccount(long accountId) {
    return post("/accounts/" + accountId + "/reset", null);
  }

  /** Finishes a queued or processing export now; answers the export. */
  public JsonNode complete(String uuid) {
    return post("/exports/" + segment(uuid) + "/complete", null);
  }

  /** Fails a queued or processing export now with this {@code failed_reason}. */
  public JsonNode fail(String uuid, String reason) {
    return post("/exports/" + segment(uuid) + "/fail", Map.of("reason", reason));
  }

  /**
   * A session: a fresh Enterprise account and a non-Enterprise companion ({@code session_id},
   * {@code enterprise_key}, {@code site_ids}, {@code basic_key}, ...). Control API only.
   */
  public JsonNode createSession() {
    return post("/sessions", null);
  }

  /** Ends a session: its keys stop working (control API only). */
  public JsonNode deleteSession(String sessionId) {
    return delete("/sessions/" + segment(sessionId));
  }

  /**
   * Schedules a fault as the control API takes it ({@code {"kind": ..., "times": ...}}); answers
   * {@code {"data": [the scheduled fault]}}.
   */
  public JsonNode addFault(Map<String, ?> fault) {
    return post("/faults", fault);
  }

  /** The scheduled faults, with how many times each struck: {@code {"data": [...]}}. */
  public JsonNode faults() {
    return get("/faults");
  }

  /** Removes every scheduled fault. */
  public JsonNode clearFaults() {
    return delete("/faults");
  }

  /** Removes one scheduled fault. */
  public JsonNode removeFault(String faultId) {
    return delete("/faults/" + segment(faultId));
  }

  /** What the integrator lint found: {@code {"data": [...], "rules": [...]}} (control API only). */
  public JsonNode lint() {
    return get("/lint");
  }

  /** What the integrator lint found in one account's traffic (control API only). */
  public JsonNode lint(long accountId) {
    return get("/lint?account=" + accountId);
  }

  /** The webhook deliveries made so far (control API only). */
  public JsonNode deliveries() {
    return get("/webhooks/deliveries");
  }

  /** Sends a webhook delivery again (control API only). */
  public JsonNode redeliver(String deliveryUuid) {
    return post("/webhooks/deliveries/" + segment(deliveryUuid) + "/redeliver", null);
  }

  /** Any GET under this client's prefix, e.g. {@code get("/clock")}. */
  public JsonNode get(String path) {
    return send("GET", path, null);
  }

  /** Any POST under this client's prefix; {@code body} (null: none) is sent as JSON. */
  public JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  /** Any DELETE under this client's prefix. */
  public JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  private JsonNode send(String method, String path, Object body) {
    String call = method + " " + prefix + path;
    try {
      URI uri = URI.create(rootUrl.get() + prefix + path);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(TIMEOUT)
              .method(
                  method,
                  body == null
                      ? BodyPublishers.noBody()
                      : BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new SandboxControlException(call, response.statusCode(), response.body());
      }
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(call + " did not answer JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(call + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during " + call, e);
    }
  }

  /** An id as one path segment: a uuid with a slash or a space cannot reach another route. */
  private static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
