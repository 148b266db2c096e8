package pelcro.exports.sandbox.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * What the sandbox answers to one request, before it is written: a status, headers, and either
 * bytes (JSON, the docs page) or an export file streamed as it is written.
 *
 * @param headers in the order they are sent; names are unique
 * @param body the bytes to send; empty when {@code file} is set
 * @param file the export file to stream, or null
 * @param message the error's message, for the lint (never sent apart from the body), or null
 */
record Answer(
    int status, Map<String, String> headers, byte[] body, ExportFile file, String message) {
  private static final byte[] NONE = new byte[0];

  Answer {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A JSON answer: {@code body} written with the adapter's mapper. */
  static Answer json(int status, Object body) {
    return new Answer(
        status, Map.of("Content-Type", "application/json"), Json.write(body), null, null);
  }

  /** The error in the vendor's shape (core-errors), rendered in {@link ErrorRenderer}. */
  static Answer error(ApiException e) {
    ErrorRenderer.Rendered rendered = ErrorRenderer.render(e);
    return new Answer(rendered.status(), rendered.headers(), rendered.body(), null, e.getMessage());
  }

  /** Bytes of another kind (the docs page's resources). */
  static Answer bytes(int status, String contentType, byte[] body) {
    return new Answer(status, Map.of("Content-Type", contentType), body, null, null);
  }

  /** A header-only answer (a CORS preflight). */
  static Answer empty(int status, Map<String, String> headers) {
    return new Answer(status, headers, NONE, null, null);
  }

  /** An export file, streamed as it is written (download-export). */
  static Answer file(ExportFile file, Map<String, String> headers) {
    return new Answer(200, headers, NONE, file, null);
  }

  /** The same answer with these headers added (replacing any of the same name). */
  Answer withHeaders(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return this;
    }
    Map<String, String> merged = new LinkedHashMap<>(headers);
    merged.putAll(extra);
    return new Answer(status, merged, body, file, message);
  }
}
