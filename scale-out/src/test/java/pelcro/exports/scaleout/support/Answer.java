package pelcro.exports.scaleout.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One HTTP answer, read whole: status, headers, body, and which node served it when it came through
 * nginx (the {@code X-Sandbox-Upstream} header the test proxy adds).
 */
public record Answer(String request, int status, HttpHeaders headers, byte[] body) {
  static final ObjectMapper JSON = new ObjectMapper();

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON; a body that is not JSON fails with the request and the body. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(this + " is not JSON", e);
    }
  }

  /** The error body's {@code message}, or null. */
  public String message() {
    return json().path("message").asText(null);
  }

  public Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /**
   * The node that answered through nginx ({@code 127.0.0.1:PORT}); when nginx tried a dead node
   * first, the one that answered is the last of its list. Empty for a direct request.
   */
  public Optional<String> node() {
    return header(Nginx.UPSTREAM_HEADER)
        .map(
            list -> {
              String[] tried = list.split(",");
              return tried[tried.length - 1].trim();
            });
  }

  @Override
  public String toString() {
    String shown = text();
    return request
        + " -> "
        + status
        + " "
        + (shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
  }
}
