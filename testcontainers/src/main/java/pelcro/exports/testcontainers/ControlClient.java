package pelcro.exports.testcontainers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Client of the sandbox's control API ({@code /__admin/sandbox/...}, README "Control API"), or,
 * with a key, of an account's test helpers ({@code /__sandbox/...}, README "Test helpers").
 */
final class ControlClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Supplier<String> controlUrl;
  private final String key;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(TIMEOUT)
      .build();

  ControlClient(Supplier<String> controlUrl) {
    this(controlUrl, null);
  }

  /** @param key the API key every call is authenticated with (test helpers), or null */
  ControlClient(Supplier<String> controlUrl, String key) {
    this.controlUrl = controlUrl;
    this.key = key;
  }

  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  JsonNode post(String path, Map<String, ?> body) {
    try {
      String json = JSON.writeValueAsString(body);
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  JsonNode delete(String path) {
    return send(request(path).DELETE().build());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(controlUrl.get() + path)).timeout(TIMEOUT);
    return key == null ? request : request.header("Authorization", "Bearer " + key);
  }

  private JsonNode send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new SandboxControlException(request.method() + " " + request.uri().getPath(),
            response.statusCode(), response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while calling the control API", e);
    }
  }
}
