package pelcro.exports.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import pelcro.exports.client.SandboxControlClient;

/**
 * A session on a shared {@link ExportsSandboxContainer}: an isolated Enterprise account (and a
 * non-Enterprise companion) whose clock, exports, faults and lint findings are its own. Its control
 * calls go through the account's test helpers ({@code /__sandbox/...} with the session's key,
 * README "Test helpers (with your own key)"), never the global {@code /__admin/sandbox}, so test
 * classes that share one container, in parallel too, never move each other's clocks or reset each
 * other's exports. Closing it ends the session's accounts.
 *
 * <pre>{@code
 * try (ExportsSandboxSession session = sandbox.newSession()) {
 *   var client = new MyPelcroClient(session.baseUrl(), session.enterpriseKey(), session.siteId());
 *   String uuid = client.requestExport("subscriptions", from, to);
 *   session.advanceClock(Duration.ofSeconds(2));   // this session's clock only
 *   assertThat(client.download(uuid)).isNotEmpty();
 * }
 * }</pre>
 */
public final class ExportsSandboxSession implements AutoCloseable {
  private final ExportsSandboxContainer container;
  private final JsonNode json;
  private final SandboxControlClient helpers;
  private final AtomicBoolean closed = new AtomicBoolean();

  ExportsSandboxSession(ExportsSandboxContainer container, JsonNode json) {
    this.container = container;
    this.json = json;
    this.helpers = SandboxControlClient.testHelpers(container::rootUrl, enterpriseKey());
  }

  /** The control API's answer that made it ({@code session_id}, {@code enterprise_key}, ...). */
  public JsonNode json() {
    return json;
  }

  /** {@code ses_...}. */
  public String id() {
    return json.path("session_id").asText();
  }

  /** The session's Enterprise account id (what the control API's {@code ?account=} takes). */
  public long accountId() {
    return json.path("account_id").asLong();
  }

  /** The API's base URL: the container's. */
  public String baseUrl() {
    return container.baseUrl();
  }

  public String enterpriseKey() {
    return json.path("enterprise_key").asText();
  }

  /** The Enterprise account's sites (1001 and 1002, as the built-in account's). */
  public List<Long> siteIds() {
    List<Long> sites = new ArrayList<>();
    json.path("site_ids").forEach(site -> sites.add(site.asLong()));
    return sites;
  }

  public long siteId() {
    return siteIds().get(0);
  }

  public long secondSiteId() {
    return siteIds().get(1);
  }

  /** The non-Enterprise companion's key (refused by every export endpoint). */
  public String basicKey() {
    return json.path("basic_key").asText();
  }

  public long basicSiteId() {
    return json.path("basic_site_id").asLong();
  }

  /** Moves this session's clock forward, and its exports with it; answers its clock. */
  public JsonNode advanceClock(Duration by) {
    return helpers.advanceClock(by);
  }

  /** This session's clock: {@code now}, {@code iso}, {@code offset_seconds}. */
  public JsonNode clock() {
    return helpers.clock();
  }

  /** Finishes one of this session's running exports now (another account's uuid: 404). */
  public JsonNode complete(String uuid) {
    return helpers.complete(uuid);
  }

  /** Fails one of this session's running exports now with this {@code failed_reason}. */
  public JsonNode fail(String uuid, String reason) {
    return helpers.fail(uuid, reason);
  }

  /** Forgets this session's exports, clock, faults and lint findings; the session goes on. */
  public JsonNode reset() {
    return helpers.reset();
  }

  /** Schedules a fault on this session's account (as the container's {@code addFault}). */
  public JsonNode addFault(Map<String, ?> fault) {
    return helpers.addFault(fault).get("data").get(0);
  }

  /** This session's scheduled faults: {@code {"data": [...]}}. */
  public JsonNode faults() {
    return helpers.faults();
  }

  /** Removes this session's scheduled faults. */
  public JsonNode clearFaults() {
    return helpers.clearFaults();
  }

  /** What the integrator lint found in this session's traffic (the control API, filtered). */
  public JsonNode lint() {
    return container.control().lint(accountId());
  }

  /** Ends the session: its keys stop working. Once: closing it again does nothing. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      container.endSession(id());
    }
  }
}
