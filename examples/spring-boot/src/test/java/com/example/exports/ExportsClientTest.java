package com.example.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import pelcro.exports.sandbox.junit.ExportsSandboxTest;
import pelcro.exports.sandbox.junit.SandboxHandle;

/**
 * The application's client against an in-process sandbox, inside the Spring context: exports
 * finish when the test moves the sandbox's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ExportsSandboxTest(jobSeconds = 60)
class ExportsClientTest {
  private final SandboxHandle sandbox;
  @Autowired private RestClient.Builder restClient;

  ExportsClientTest(SandboxHandle sandbox) {
    this.sandbox = sandbox;
  }

  private ExportsClient client() {
    return new ExportsClient(
        restClient,
        new PelcroProperties(sandbox.baseUrl(), sandbox.enterpriseKey(), sandbox.siteId()));
  }

  @AfterEach
  void reset() {
    sandbox.reset();
  }

  @Test
  void downloadsTheCsvOnceTheExportHasFinished() {
    ExportsClient client = client();
    Instant now = Instant.now();
    String uuid = client.requestExport("subscriptions", now.minus(Duration.ofDays(90)), now);

    assertThatThrownBy(() -> client.download(uuid))
        .isInstanceOf(HttpClientErrorException.NotFound.class)
        .hasMessageContaining("not yet ready");

    sandbox.advanceClock(Duration.ofSeconds(60));
    ResponseEntity<byte[]> file = client.download(uuid);

    assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .contains("subscriptions-" + uuid + ".csv");
    assertThat(new String(file.getBody(), StandardCharsets.UTF_8).lines())
        .as("a header and at least one subscription")
        .hasSizeGreaterThan(1);
  }

  @Test
  void aSecondDownloadIsRefused() {
    ExportsClient client = client();
    Instant now = Instant.now();
    String uuid = client.requestExport("customers", now.minus(Duration.ofDays(90)), now);
    sandbox.complete(uuid);
    client.download(uuid);

    assertThatThrownBy(() -> client.download(uuid))
        .isInstanceOf(HttpClientErrorException.BadRequest.class)
        .hasMessageContaining("already been downloaded");
  }
}
