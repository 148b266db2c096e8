package pelcro.exports.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The one place where an {@link ApiException} becomes the vendor's error body (core-errors): {@code
 * {"message": "...", "errors": {"field": ["..."]}}}, {@code errors} only when fields are named.
 */
final class ErrorRenderer {
  private ErrorRenderer() {}

  static Rendered render(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", e.getMessage());
    if (!e.fieldErrors().isEmpty()) {
      body.put("errors", e.fieldErrors());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (e.allow() != null) {
      headers.put("Allow", e.allow());
    }
    if (e.retryAfter() != null) {
      // Rounded up: a client that waits exactly this long is never early.
      long seconds = e.retryAfter().toSeconds() + (e.retryAfter().toNanosPart() > 0 ? 1 : 0);
      headers.put("Retry-After", Long.toString(seconds));
    }
    return new Rendered(e.status(), headers, Json.write(body));
  }

  /** A bare {@code {"message": ...}} for errors outside the catalogue (Jetty's own refusals). */
  static byte[] messageOnly(String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    return Json.write(body);
  }

  /** A rendered error: status, headers and JSON bytes, independent of the server API. */
  record Rendered(int status, Map<String, String> headers, byte[] body) {}
}
