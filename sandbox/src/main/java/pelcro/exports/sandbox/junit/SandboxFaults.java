package pelcro.exports.sandbox.junit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Schedules faults from a test ({@code sandbox.faults().failNext("subscriptions", 2, "Disk
 * full")}): on a sandbox of the test's own they apply to every account, in a session to the
 * session's accounts only. Each returns the scheduled fault as the control API shows it; see
 * README, "Rehearsing failures", for every kind and parameter.
 */
public final class SandboxFaults {
  private final Function<Map<String, Object>, JsonNode> add;
  private final Runnable clear;
  private final Supplier<JsonNode> list;

  SandboxFaults(
      Function<Map<String, Object>, JsonNode> add, Runnable clear, Supplier<JsonNode> list) {
    this.add = add;
    this.clear = clear;
    this.list = list;
  }

  /** The next {@code times} exports of {@code type} (null: any) fail when they start. */
  public JsonNode failNext(String type, int times, String reason) {
    return schedule("export_fails_at_start", "type", type, times, Map.of("reason", reason));
  }

  /** The next {@code times} exports of {@code type} fail halfway through processing. */
  public JsonNode failNextWhileProcessing(String type, int times, String reason) {
    return schedule("export_fails_while_processing", "type", type, times, Map.of("reason", reason));
  }

  /** The next {@code times} exports of {@code type} stay queued until completed or failed. */
  public JsonNode holdNext(String type, int times) {
    return schedule("export_held", "type", type, times, Map.of());
  }

  /**
   * Files of the next {@code times} exports of {@code type} expire {@code seconds} after they are
   * ready.
   */
  public JsonNode expireFilesAfter(String type, long seconds, int times) {
    return schedule("file_expires", "type", type, times, Map.of("seconds", seconds));
  }

  /** The next {@code times} requests for {@code type} answer "Nothing to export". */
  public JsonNode nothingToExport(String type, int times) {
    return schedule("nothing_to_export", "type", type, times, Map.of());
  }

  /** The next {@code times} calls of {@code operationId} (null: any) answer {@code status}. */
  public JsonNode failCalls(String operationId, int times, int status) {
    return schedule("operation_error", "operation", operationId, times, Map.of("status", status));
  }

  /** The next {@code times} calls of {@code operationId} answer {@code millis} late. */
  public JsonNode slowCalls(String operationId, int times, long millis) {
    return schedule(
        "operation_latency", "operation", operationId, times, Map.of("latency_ms", millis));
  }

  /** The next {@code times} downloads of {@code type} break off after {@code bytes}. */
  public JsonNode cutDownloads(String type, int times, long bytes) {
    return schedule("download_cut", "type", type, times, Map.of("after_bytes", bytes));
  }

  /**
   * The next {@code times} downloads of {@code type} answer "already downloaded or has expired".
   */
  public JsonNode expireDownloads(String type, int times) {
    return schedule("download_gone", "type", type, times, Map.of());
  }

  /** The next {@code times} webhook events of {@code event} (null: any) are delivered twice. */
  public JsonNode duplicateWebhooks(String event, int times) {
    return schedule("webhook_duplicate", "event", event, times, Map.of());
  }

  /** The next {@code times} webhook events are delivered {@code seconds} late. */
  public JsonNode delayWebhooks(String event, int times, long seconds) {
    return schedule("webhook_late", "event", event, times, Map.of("seconds", seconds));
  }

  /** Any fault, as the control API takes it: {@code {"kind": ..., ...}}. */
  public JsonNode add(Map<String, Object> fault) {
    return add.apply(fault);
  }

  /** The scheduled faults, with how many times each struck. */
  public JsonNode list() {
    return list.get();
  }

  /** Removes every scheduled fault (of the session, for a session). */
  public void clear() {
    clear.run();
  }

  private JsonNode schedule(
      String kind, String aim, String target, int times, Map<String, Object> params) {
    Map<String, Object> fault = new LinkedHashMap<>(params);
    fault.put("kind", kind);
    fault.put(aim, target);
    fault.put("times", times);
    return add.apply(fault).get("data").get(0);
  }
}
