package pelcro.exports.sandbox.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The limiter's answer for one request, with the sandbox's informational headers.
 *
 * @param allowed whether the request may proceed
 * @param limit the account's requests per minute; 0 when limiting is off
 * @param remaining requests left in the current window
 * @param resetEpochSecond when the current window ends (sandbox clock, Unix seconds)
 * @param retryAfter how long until the window ends
 */
public record RateDecision(
    boolean allowed, int limit, int remaining, long resetEpochSecond, Duration retryAfter) {

  static RateDecision unlimited() {
    return new RateDecision(true, 0, 0, 0, Duration.ZERO);
  }

  /**
   * Headers the sandbox adds; the vendor documents none (rate-limits page), so these are sandbox
   * additions: {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} on every limited answer,
   * and {@code Retry-After} (seconds) on a 429. None when limiting is off.
   */
  public Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    if (limit == 0) {
      return headers;
    }
    headers.put("X-RateLimit-Limit", Integer.toString(limit));
    headers.put("X-RateLimit-Remaining", Integer.toString(remaining));
    if (!allowed) {
      headers.put("Retry-After", Long.toString(retryAfter.toSeconds()));
    }
    return headers;
  }
}
