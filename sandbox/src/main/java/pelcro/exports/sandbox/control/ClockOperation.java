package pelcro.exports.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.store.AccountClocks;

/**
 * {@code GET .../clock} and {@code POST .../clock/advance} {@code {"seconds": N}}: shows and moves
 * the clock that drives exports' lifecycles: the sandbox clock (every account), or one account's
 * clock (that account only).
 */
public final class ClockOperation {
  private static final double MAX_SECONDS = 100L * 365 * 24 * 3600;

  private final AccountClocks clocks;

  public ClockOperation(AccountClocks clocks) {
    this.clocks = clocks;
  }

  public Map<String, Object> show(ControlScope scope) {
    Instant now = scope.wholeSandbox() ? clocks.now() : clocks.now(scope.accountId());
    Map<String, Object> view = new LinkedHashMap<>();
    if (!scope.wholeSandbox()) {
      view.put("account_id", scope.accountId());
    }
    view.put("now", now.getEpochSecond());
    view.put("iso", now.toString());
    Duration offset =
        scope.wholeSandbox()
            ? clocks.offset()
            : clocks.offset().plus(clocks.offset(scope.accountId()));
    view.put("offset_seconds", offset.getSeconds());
    return view;
  }

  public Map<String, Object> advance(ControlScope scope, JsonNode body) {
    JsonNode seconds = body == null ? null : body.get("seconds");
    if (seconds == null
        || !seconds.isNumber()
        || seconds.asDouble() < 0
        || seconds.asDouble() > MAX_SECONDS) {
      throw new ApiException(
          ApiError.CONTROL_BAD_REQUEST, "Send {\"seconds\": N} with N a non-negative number.");
    }
    Duration by = Duration.ofMillis(Math.round(seconds.asDouble() * 1000));
    if (scope.wholeSandbox()) {
      clocks.advance(by);
    } else {
      clocks.advance(scope.accountId(), by);
    }
    return show(scope);
  }
}
