package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** {@code --verbose} writes every request, from the first one the port answers. */
class VerboseLogAcceptanceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void writesEveryRequestIncludingThoseAnsweredBeforeTheSandboxIsReadyButNotItsWarmUp()
      throws Exception {
    int port = freePort();
    String root = "http://127.0.0.1:" + port;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    CompletableFuture<Sandbox> starting;
    int firstHealth = 0;
    CompletableFuture<HttpResponse<String>> early;
    try {
      starting =
          CompletableFuture.supplyAsync(
              // A seed with no pools shipped in the jar and more records than the default: the
              // data takes a while to draw even in a JVM that started sandboxes before, so the
              // port answers while the sandbox is still starting.
              () ->
                  Sandbox.builder()
                      .port(port)
                      .bind("127.0.0.1")
                      .seed(4242)
                      .recordsPerType(20_000)
                      .verbose(true)
                      .start());
      // The server listens before the spec and the data are loaded; bounded wait for the port.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (firstHealth == 0 && System.nanoTime() < deadline && !starting.isDone()) {
        try {
          firstHealth = get(root + "/health", null).statusCode();
        } catch (ConnectException notYet) {
          Thread.onSpinWait();
        }
      }
      early =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return get(root + "/api/v1/core/exports?site_id=" + SITE, ENTERPRISE);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
    } finally {
      System.setOut(stdout);
    }
    try (Sandbox sandbox = starting.get(180, TimeUnit.SECONDS)) {
      assertThat(firstHealth).as("/health while starting").isEqualTo(503);
      assertThat(early.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      get(root + "/__admin/sandbox/clock", null);
      // A line the edge writes may follow its answer by a moment: it is written once sent.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  captured
                      .toString(StandardCharsets.UTF_8)
                      .contains("GET /__admin/sandbox/clock -> 200"));

      String lines = captured.toString(StandardCharsets.UTF_8);
      assertThat(lines.lines().filter(l -> l.matches(".*\\brequest\\s.*GET /health -> 503 .*")))
          .isNotEmpty();
      String early200 =
          ".*\\brequest\\s+account 1\\s+GET /api/v1/core/exports\\?site_id=" + SITE + " -> 200 .*";
      assertThat(lines.lines().filter(l -> l.matches(early200))).hasSize(1);
      assertThat(lines.lines().filter(l -> l.contains("GET /__admin/sandbox/clock -> 200")))
          .hasSize(1);
      assertThat(lines)
          .as("the warm-up's own requests")
          .doesNotContain("POST /api/v1/core/exports");
    }
  }
}
