package pelcro.exports.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The tests' client of the Exports API, as an integrator's code would call it. */
final class ExportsApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  ExportsApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** POST /exports for the last 90 days of {@code type}; answers the uuid (fails unless 200). */
  String request(String key, long siteId, String type) throws IOException, InterruptedException {
    long now = Instant.now().getEpochSecond();
    String body =
        JSON.writeValueAsString(
            Map.of(
                "object",
                type,
                "date_from",
                now - Duration.ofDays(90).toSeconds(),
                "date_to",
                now - 60));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/exports?site_id=" + siteId))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "POST /exports answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("data").path("uuid").asText();
  }

  /** GET /exports/{uuid}: the download, or the error. */
  HttpResponse<String> download(String key, long siteId, String uuid)
      throws IOException, InterruptedException {
    return get(key, "/exports/" + uuid + "?site_id=" + siteId);
  }

  /** GET /exports: the export types. */
  HttpResponse<String> list(String key, long siteId) throws IOException, InterruptedException {
    return get(key, "/exports?site_id=" + siteId);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String key, String path)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + key)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
