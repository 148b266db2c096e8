package pelcro.exports.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * README, "Rehearsing failures", the worked example: an integration that retries a 503 after its
 * Retry-After, requests a failed export again, and survives a cut download. Keep the README's code
 * in step with this class.
 */
@ExportsSandboxTest(jobSeconds = 1)
class ExportJobSurvivesABadDayTest {

  @Test
  void deliversTheFileThroughAnOutageAFailedExportAndACutDownload(SandboxHandle sandbox)
      throws Exception {
    sandbox.faults().failCalls("requestExport", 1, 503); // an outage: one 503, Retry-After: 1
    sandbox.faults().failNext("subscriptions", 1, "Disk full"); // then the export fails
    sandbox.faults().cutDownloads("subscriptions", 1, 10_000); // then the download breaks

    ExportJob job = new ExportJob(sandbox.baseUrl(), sandbox.enterpriseKey(), sandbox.siteId());
    long to = Instant.now().getEpochSecond();
    String csv = job.export("subscriptions", to - 90 * 86_400, to, Duration.ofSeconds(30));

    assertThat(csv.length()).isGreaterThan(10_000);
    assertThat(csv.lines()).hasSizeGreaterThan(1);
    assertThat(sandbox.faults().list().get("data"))
        .hasSize(3)
        .allSatisfy(f -> assertThat(f.get("struck").asInt()).isEqualTo(1));
  }

  /**
   * A small export job as an integration would write it: requests an export, retrying 503 and 429
   * after their Retry-After; polls the download once a second; requests a new export when the
   * answer says "please try to export again"; downloads again after a broken transfer.
   */
  static final class ExportJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;
    private final String key;
    private final long siteId;

    ExportJob(String baseUrl, String key, long siteId) {
      this.baseUrl = baseUrl;
      this.key = key;
      this.siteId = siteId;
    }

    /** The export's file, or an IOException when it cannot be had within {@code within}. */
    String export(String type, long from, long to, Duration within)
        throws IOException, InterruptedException {
      Instant deadline = Instant.now().plus(within);
      while (Instant.now().isBefore(deadline)) {
        Optional<String> file = download(request(type, from, to, deadline), deadline);
        if (file.isPresent()) {
          return file.get();
        } // empty: the export failed; request it again
      }
      throw new IOException("no " + type + " export within " + within);
    }

    private String request(String type, long from, long to, Instant deadline)
        throws IOException, InterruptedException {
      String body =
          JSON.writeValueAsString(Map.of("object", type, "date_from", from, "date_to", to));
      while (true) {
        HttpResponse<String> answer =
            send(
                call("/exports")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() == 200) {
          return JSON.readTree(answer.body()).at("/data/uuid").asText();
        }
        boolean retry = answer.statusCode() == 503 || answer.statusCode() == 429;
        if (!retry || Instant.now().isAfter(deadline)) {
          throw new IOException("POST /exports: " + answer.statusCode() + " " + answer.body());
        }
        long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
        Thread.sleep(Duration.ofSeconds(seconds).toMillis());
      }
    }

    /** The file; empty when the export failed ("please try to export again"). */
    private Optional<String> download(String uuid, Instant deadline)
        throws IOException, InterruptedException {
      boolean broken = false;
      while (Instant.now().isBefore(deadline)) {
        Thread.sleep(1_000); // poll no faster than once a second
        HttpResponse<String> answer;
        try {
          answer = send(call("/exports/" + uuid).GET());
        } catch (IOException cut) {
          broken = true; // a file that never arrived was not downloaded: try again
          continue;
        }
        String message = answer.statusCode() == 200 ? "" : message(answer);
        if (answer.statusCode() == 200) {
          return Optional.of(answer.body());
        } else if (answer.statusCode() == 404 && message.contains("try to export again")) {
          return Optional.empty();
        } else if (answer.statusCode() == 404 || answer.statusCode() == 400 && broken) {
          continue; // not yet ready, or the broken transfer's file is not back yet
        }
        throw new IOException("GET /exports/" + uuid + ": " + answer.statusCode() + " " + message);
      }
      throw new IOException("export " + uuid + " not downloaded in time");
    }

    private HttpRequest.Builder call(String path) {
      return HttpRequest.newBuilder(URI.create(baseUrl + path + "?site_id=" + siteId))
          .timeout(Duration.ofSeconds(10))
          .header("Authorization", "Bearer " + key);
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(HttpResponse<String> answer) throws IOException {
      JsonNode error = JSON.readTree(answer.body());
      return error.path("message").asText();
    }
  }
}
