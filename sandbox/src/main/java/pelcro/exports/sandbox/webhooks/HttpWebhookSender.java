package pelcro.exports.sandbox.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends deliveries with the JDK's HTTP client: an HTTP POST with a JSON body (webhooks page), with
 * connect and response timeouts so that a slow or dead receiver costs one bounded wait.
 */
public final class HttpWebhookSender implements WebhookSender {
  private final HttpClient client;
  private final URI url;
  private final Duration timeout;

  public HttpWebhookSender(URI url, Duration timeout) {
    this.url = url;
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER) // a 3xx counts as a failure (webhooks page)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public int send(byte[] body, String signature) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "exports-sandbox-webhooks")
            .header(WebhookSigner.HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
