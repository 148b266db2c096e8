package pelcro.exports.contract.support;

import java.io.IOException;
import java.util.Objects;
import org.apache.http.Header;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpMessage;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * The HTTP client under REST Assured for the suite's requests: each waits for its turn from the
 * {@link Pacer}, and one answered 429 is waited out and sent once more, below every filter, so that
 * the validator, the coverage ledger and the test see only the answer to the retry.
 *
 * <p>REST Assured 5 drives an Apache {@code AbstractHttpClient}; {@code DefaultHttpClient} is the
 * one it builds itself, hence the deprecated parent.
 */
@SuppressWarnings("deprecation")
final class PacedHttpClient extends org.apache.http.impl.client.DefaultHttpClient {
  private final Pacer pacer;

  PacedHttpClient(Pacer pacer) {
    this.pacer = pacer;
  }

  @Override
  public CloseableHttpResponse execute(HttpUriRequest request, HttpContext context)
      throws IOException {
    // One budget per account key and host: the vendor counts requests per account.
    String budget =
        request.getURI().getRawAuthority()
            + " "
            + Objects.toString(header(request, "Authorization"), "");
    CloseableHttpResponse response = send(budget, request, context);
    if (response.getStatusLine().getStatusCode() != 429 || !repeatable(request)) {
      return response;
    }
    pacer.refused(budget, header(response, "Retry-After"));
    EntityUtils.consumeQuietly(response.getEntity());
    response.close();
    CloseableHttpResponse retry = send(budget, request, context);
    if (retry.getStatusLine().getStatusCode() == 429) {
      pacer.refusedAgain();
    }
    return retry;
  }

  private CloseableHttpResponse send(String budget, HttpUriRequest request, HttpContext context)
      throws IOException {
    pacer.awaitTurn(budget);
    CloseableHttpResponse response = null;
    try {
      response = super.execute(request, context);
      return response;
    } finally {
      CloseableHttpResponse answer = response;
      pacer.answered(
          budget,
          answer == null ? 0 : answer.getStatusLine().getStatusCode(),
          name -> answer == null ? null : header(answer, name));
    }
  }

  private static boolean repeatable(HttpUriRequest request) {
    return !(request instanceof HttpEntityEnclosingRequest withBody)
        || withBody.getEntity() == null
        || withBody.getEntity().isRepeatable();
  }

  private static String header(HttpMessage message, String name) {
    Header h = message.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }
}
