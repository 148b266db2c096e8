package pelcro.exports.attack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends {@link Probe}s with {@code java.net.http.HttpClient} (HTTP/1.1, no redirects followed), the
 * client for well-formed requests; a probe the JDK client refuses to send (a restricted header, a
 * target that is not a URI, a method it forbids) is reported as not sendable.
 */
public final class JdkSender {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final HttpClient client;
  private final String root;
  private final Duration timeout;
  private final int bodyCap;

  /**
   * @param root {@code http://127.0.0.1:<port>}
   */
  public JdkSender(String root, Duration timeout, int bodyCap) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    this.root = root;
    this.timeout = timeout;
    this.bodyCap = bodyCap;
  }

  /** The answer, or empty when the JDK client will not send this probe as it is. */
  public Optional<Answer> send(Probe probe) {
    HttpRequest request;
    try {
      if (probe.headers().stream()
          .anyMatch(h -> RESTRICTED.contains(h.name().toLowerCase(Locale.ROOT)))) {
        return Optional.empty();
      }
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(root + probe.target()))
              .timeout(timeout)
              .method(
                  probe.method(),
                  probe.body().length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
      probe.headers().forEach(h -> builder.header(h.name(), h.value()));
      request = builder.build();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(exchange(request, probe.method()));
  }

  /** Sends a request built elsewhere (state probes, normal clients). */
  public Answer exchange(HttpRequest request, String method) {
    long started = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach(
              (k, v) -> {
                if (!v.isEmpty()) {
                  headers.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0));
                }
              });
      byte[] body;
      boolean truncated;
      try (InputStream in = response.body()) {
        body = "HEAD".equalsIgnoreCase(method) ? new byte[0] : in.readNBytes(bodyCap);
        truncated = body.length == bodyCap && in.read() >= 0;
      }
      return new Answer(
          response.statusCode(),
          headers,
          body,
          truncated,
          false,
          Answer.Failure.NONE,
          System.nanoTime() - started);
    } catch (IOException e) {
      return Answer.failed(Answer.Failure.of(e), System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.failed(Answer.Failure.TIMEOUT, System.nanoTime() - started);
    }
  }

  public String root() {
    return root;
  }
}
