package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.support.PlainHttp.writeDownloadRequest;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.LocalRedis;
import pelcro.exports.sandbox.support.RedisServer;

/**
 * A file counts as downloaded only once its last byte is written: a transfer that breaks can be
 * tried again; and downloads hold a bounded number of slots, so slow readers cannot take every
 * thread.
 */
class DownloadTransferAcceptanceTest {
  /**
   * About 20 MB in 150 days: far more than the socket buffers can take (4 MiB each way on
   * loopback), so the server cannot finish writing a file the client stopped reading, even when the
   * file was prepared while its job ran and is written at disk speed.
   */
  private static final int RECORDS = 1_000_000;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void aDownloadCutOffMidWayCanBeDownloadedAgainInFull() throws Exception {
    try (Sandbox sandbox =
        Sandbox.builder().port(0).jobSeconds(0).recordsPerType(RECORDS).start()) {
      String uuid = requestExport(sandbox, "subscriptions");
      String path = "/api/v1/core/exports/" + uuid + "?site_id=" + SITE;
      try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
        socket.setReceiveBufferSize(4096);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET "
                    + path
                    + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + ENTERPRISE
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        byte[] head = in.readNBytes(64 * 1024);
        assertThat(new String(head, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
      } // closed long before the file's end
      HttpResponse<String> retry = awaitDownload(sandbox, uuid);
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(retry.body().lines().count()).isGreaterThan(1000);
      assertThat(download(sandbox, uuid).statusCode())
          .as("handed out once, in full")
          .isEqualTo(400);
    }
  }

  @Test
  void aDownloadBeyondTheSlotsIsAskedToComeBackAndKeepsItsFile() throws Exception {
    try (Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(0)
            .recordsPerType(RECORDS)
            .maxDownloads(1, 1)
            .start()) {
      String slow = requestExport(sandbox, "subscriptions");
      String other = requestExport(sandbox, "invoices");
      try (Socket reader = new Socket("127.0.0.1", sandbox.port())) {
        reader.setReceiveBufferSize(4096);
        writeDownloadRequest(reader, slow, SITE, ENTERPRISE, "");
        reader.getInputStream().readNBytes(1024); // started, then reads no more
        HttpResponse<String> refused = download(sandbox, other);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("Too Many Attempts.");
      }
      assertThat(awaitDownload(sandbox, other).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aFileWhoseLastByteIsWrittenWhileRedisIsAwayCountsAsDownloadedOnceRedisIsBack()
      throws Exception {
    RedisServer.assumeInstalled();
    try (LocalRedis redis = LocalRedis.start(true);
        Sandbox sandbox =
            Sandbox.builder()
                .port(0)
                .jobSeconds(0)
                .recordsPerType(400_000)
                .minDownloadBytesPerSecond(0)
                .state(redis.uri())
                .start()) {
      String uuid = requestExport(sandbox, "subscriptions");
      long rest;
      try (Socket socket = new Socket()) {
        socket.setReceiveBufferSize(4096);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", sandbox.port()));
        writeDownloadRequest(socket, uuid, SITE, ENTERPRISE, "Connection: close\r\n");
        InputStream in = socket.getInputStream();
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII))
            .isEqualTo("HTTP/1.1 200");
        redis.stop();
        rest = in.transferTo(OutputStream.nullOutputStream()); // the end is reported to no one
      }
      assertThat(rest).as("bytes written after Redis went away").isGreaterThan(1_000_000);
      // Away for longer than a node waits for Redis (2 s): the ending cannot be recorded now.
      Thread.sleep(3_000);
      redis.resume();

      HttpResponse<String> again = awaitAnswer(sandbox, uuid);
      assertThat(again.statusCode()).isEqualTo(400);
      // Past the claim's lease the file would be handed out again had the ending been lost.
      HttpResponse<String> later =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(sandbox.rootUrl() + "/__sandbox/clock/advance"))
                  .header("Authorization", "Bearer " + ENTERPRISE)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": 7200}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
      assertThat(download(sandbox, uuid).statusCode()).isEqualTo(400);
    }
  }

  /** Downloads, waiting while the node reconnects to Redis (answered 503 meanwhile). */
  private static HttpResponse<String> awaitAnswer(Sandbox sandbox, String uuid) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    HttpResponse<String> answer = download(sandbox, uuid);
    while (answer.statusCode() == 503 && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      answer = download(sandbox, uuid);
    }
    return answer;
  }

  /** Downloads, waiting while a slot is still held by a transfer that just broke. */
  private static HttpResponse<String> awaitDownload(Sandbox sandbox, String uuid) throws Exception {
    Instant deadline = Instant.now().plusSeconds(20);
    HttpResponse<String> answer = download(sandbox, uuid);
    while (answer.statusCode() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      answer = download(sandbox, uuid);
    }
    return answer;
  }

  private static HttpResponse<String> download(Sandbox sandbox, String uuid) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/exports/" + uuid + "?site_id=" + SITE))
            .header("Authorization", "Bearer " + ENTERPRISE)
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String requestExport(Sandbox sandbox, String type) throws Exception {
    long now = Instant.now().getEpochSecond();
    String body =
        "{\"object\":\""
            + type
            + "\",\"date_from\":"
            + (now - 150L * 86_400)
            + ",\"date_to\":"
            + now
            + "}";
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/exports?site_id=" + SITE))
                .header("Authorization", "Bearer " + ENTERPRISE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body().replaceAll(".*\"uuid\":\"([^\"]+)\".*", "$1");
  }
}
