package pelcro.exports.sandbox.webhooks;

import java.io.IOException;

/** Transport of one delivery attempt: POSTs a signed body and answers the HTTP status. */
@FunctionalInterface
public interface WebhookSender {
  /**
   * @return the receiver's HTTP status
   * @throws IOException when no answer came (refused, timed out)
   */
  int send(byte[] body, String signature) throws IOException, InterruptedException;
}
