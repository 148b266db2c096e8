package com.example.exports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

/** A client of Pelcro's Exports API (Core API, {@code /exports}) on {@code java.net.http}. */
public final class ExportsClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String apiKey;
  private final long siteId;

  /**
   * @param baseUrl the Core API's base URL, e.g. {@code https://www.pelcro.com/api/v1/core}
   */
  public ExportsClient(String baseUrl, String apiKey, long siteId) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.siteId = siteId;
  }

  /** Queues an export of {@code type} over a date range and returns its uuid. */
  public String requestExport(String type, Instant from, Instant to)
      throws IOException, InterruptedException {
    byte[] body =
        json.writeValueAsBytes(
            Map.of(
                "object", type,
                "date_from", from.getEpochSecond(),
                "date_to", to.getEpochSecond()));
    HttpRequest request =
        authorized("/exports")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = send(request);
    return json.readTree(response.body()).path("data").path("uuid").asText();
  }

  /** Downloads a finished export's file; the API hands it out once. */
  public Download download(String uuid) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = send(authorized("/exports/" + uuid).GET().build());
    return new Download(
        response.headers().firstValue("Content-Disposition").orElse(""), response.body());
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path + "?site_id=" + siteId))
        .header("Authorization", "Bearer " + apiKey)
        .header("Accept", "application/json");
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      String message = json.readTree(response.body()).path("message").asText();
      throw new ExportsApiException(response.statusCode(), message);
    }
    return response;
  }

  /** A downloaded file: its {@code Content-Disposition} and its bytes. */
  public record Download(String contentDisposition, byte[] content) {}

  /** An answer other than 200: its status and the API's {@code message}. */
  public static final class ExportsApiException extends IOException {
    private final int status;

    ExportsApiException(int status, String message) {
      super(status + ": " + message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
