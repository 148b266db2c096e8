package pelcro.exports.sandbox.junit;

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

/** The JSON calls a {@link SandboxHandle} makes to a sandbox's control API or test helpers. */
final class ControlClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String rootUrl;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

  ControlClient(String rootUrl) {
    this.rootUrl = rootUrl;
  }

  /**
   * Sends {@code body} (null: none) as JSON and returns the JSON answer; any status but 200 is
   * an {@link IllegalStateException} naming the call and the answer.
   *
   * @param key the Bearer key of a test helper call, or null
   */
  JsonNode send(String method, String path, Object body, String key) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(rootUrl + path))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      if (key != null) {
        request.header("Authorization", "Bearer " + key);
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(method + " " + path + " answered "
            + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(method + " " + path + " did not answer JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + rootUrl + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
