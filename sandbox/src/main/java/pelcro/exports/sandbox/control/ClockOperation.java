package pelcro.exports.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Control API {@code GET /__admin/sandbox/clock} and {@code POST .../clock/advance}
 * {@code {"seconds": N}}: shows and moves the clock that drives every export's lifecycle.
 */
public final class ClockOperation {
  private final SandboxClock clock;

  public ClockOperation(SandboxClock clock) {
    this.clock = clock;
  }

  public Map<String, Object> show() {
    Instant now = clock.instant();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("now", now.getEpochSecond());
    view.put("iso", now.toString());
    view.put("offset_seconds", clock.offset().getSeconds());
    return view;
  }

  public Map<String, Object> advance(JsonNode body) {
    JsonNode seconds = body == null ? null : body.get("seconds");
    if (seconds == null || !seconds.isNumber() || seconds.asDouble() < 0
        || seconds.asDouble() > 100L * 365 * 24 * 3600) {
      throw new ApiException(
          ApiError.CONTROL_BAD_REQUEST, "Send {\"seconds\": N} with N a non-negative number.");
    }
    clock.advance(Duration.ofMillis(Math.round(seconds.asDouble() * 1000)));
    return show();
  }
}
