package pelcro.exports.sandbox.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The HTTP benchmark client: requests a six-month subscriptions export from a running sandbox,
 * waits for it, downloads it and prints rows per second. {@code bin/benchmark} starts the
 * sandbox jar with {@code -Xmx256m} and reports the server's peak memory around this.
 *
 * <p>Arguments: {@code baseUrl siteId apiKey}, e.g. {@code http://127.0.0.1:8089/api/v1/core 1 key}.
 */
public final class HttpBenchmark {
  private HttpBenchmark() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String site = args[1];
    String key = args[2];
    HttpClient http = HttpClient.newHttpClient();
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    // One day inside the 6-month limit, whatever the server's reading of "6 months" at the edge.
    String body = "{\"object\":\"subscriptions\",\"date_from\":" + now.minusMonths(6).plusDays(1).toEpochSecond()
        + ",\"date_to\":" + now.toEpochSecond() + "}";
    HttpResponse<String> queued = http.send(request(base + "/exports?site_id=" + site, key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (queued.statusCode() != 200) {
      throw new IllegalStateException("POST /exports answered " + queued.statusCode() + ": " + queued.body());
    }
    JsonNode export = new ObjectMapper().readTree(queued.body()).path("data");
    String uuid = export.path("uuid").asText();
    long start = System.nanoTime();
    while (true) {
      HttpResponse<InputStream> download = http.send(
          request(base + "/exports/" + uuid + "?site_id=" + site, key).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
      if (download.statusCode() == 200) {
        long downloadStart = System.nanoTime();
        long[] counted;
        try (InputStream in = download.body()) {
          counted = Benchmark.count(in);
        }
        long done = System.nanoTime();
        double seconds = (done - downloadStart) / 1e9;
        long rows = counted[1] - 1;
        System.out.printf("http: waited %.2f s for the export, then downloaded %,d rows, %,d bytes"
                + " in %.2f s = %,.0f rows/s (%,.0f rows/s counting the wait)%n",
            (downloadStart - start) / 1e9, rows, counted[0], seconds, rows / seconds,
            rows / ((done - start) / 1e9));
        return;
      }
      download.body().close();
      if (download.statusCode() != 404) {
        throw new IllegalStateException("GET /exports/" + uuid + " answered " + download.statusCode());
      }
      Thread.sleep(200);
    }
  }

  private static HttpRequest.Builder request(String url, String key) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key);
  }
}
