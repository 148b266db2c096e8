package com.example.exports;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.exports.ExportsClient.Download;
import com.example.exports.ExportsClient.ExportsApiException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.junit.ExportsSandboxTest;
import pelcro.exports.sandbox.junit.SandboxHandle;

/** The client against an in-process sandbox: exports finish when the test moves the clock. */
@ExportsSandboxTest(jobSeconds = 60)
class ExportsClientTest {
  private final SandboxHandle sandbox;
  private final ExportsClient client;

  ExportsClientTest(SandboxHandle sandbox) {
    this.sandbox = sandbox;
    this.client = new ExportsClient(sandbox.baseUrl(), sandbox.enterpriseKey(), sandbox.siteId());
  }

  @AfterEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void downloadsTheCsvOnceTheExportHasFinished() throws Exception {
    Instant now = Instant.now();
    String uuid = client.requestExport("subscriptions", now.minus(Duration.ofDays(90)), now);

    ExportsApiException early = assertThrows(ExportsApiException.class, () -> client.download(uuid));
    assertEquals(404, early.status(), early.getMessage());

    sandbox.advanceClock(Duration.ofSeconds(60));
    Download file = client.download(uuid);

    assertTrue(file.contentDisposition().contains("subscriptions-" + uuid + ".csv"),
        file.contentDisposition());
    String[] lines = new String(file.content(), UTF_8).split("\r?\n");
    assertTrue(lines.length > 1, "a header and at least one subscription");
  }

  @Test
  void aSecondDownloadIsRefused() throws Exception {
    Instant now = Instant.now();
    String uuid = client.requestExport("customers", now.minus(Duration.ofDays(90)), now);
    sandbox.complete(uuid);
    client.download(uuid);

    ExportsApiException again = assertThrows(ExportsApiException.class, () -> client.download(uuid));
    assertEquals(400, again.status(), again.getMessage());
  }
}
