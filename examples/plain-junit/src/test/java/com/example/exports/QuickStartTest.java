package com.example.exports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.junit.ExportsSandboxTest;
import pelcro.exports.sandbox.junit.SandboxHandle;

/** One sandbox for the class, on a free port; exports finish when the test moves its clock. */
@ExportsSandboxTest(jobSeconds = 60)
class QuickStartTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFinishedExportIsDownloadedOnce(SandboxHandle sandbox) throws Exception {
    String exports = sandbox.baseUrl() + "/exports";
    String site = "?site_id=" + sandbox.siteId();
    String body = "{\"object\": \"subscriptions\", \"date_from\": 1704067200, "
        + "\"date_to\": 1711929600}";
    HttpResponse<String> requested = http.send(call(sandbox, exports + site)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    String uuid = new ObjectMapper().readTree(requested.body()).path("data").path("uuid").asText();
    HttpRequest download = call(sandbox, exports + "/" + uuid + site).GET().build();

    assertEquals(404, http.send(download, BodyHandlers.ofString()).statusCode()); // not yet ready
    sandbox.advanceClock(Duration.ofSeconds(60));
    HttpResponse<byte[]> file = http.send(download, BodyHandlers.ofByteArray());
    assertEquals(200, file.statusCode());
    assertTrue(new String(file.body(), UTF_8).startsWith("id,customer_id,"));
    assertEquals(400, http.send(download, BodyHandlers.ofString()).statusCode()); // only once
  }

  private static HttpRequest.Builder call(SandboxHandle sandbox, String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + sandbox.enterpriseKey());
  }
}
