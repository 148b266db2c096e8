package pelcro.exports.sandbox.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs deliveries: {@code X-Pelcro-Hmac-SHA256} is the base64 (standard alphabet, padded)
 * HMAC-SHA256 of the raw request body bytes, keyed with the UTF-8 bytes of the webhook secret.
 *
 * <p>The vendor documents the header and "base64 HMAC-SHA256" but the signing input was cut from
 * the stored page (webhooks); the sandbox signs the exact body bytes and nothing else (no
 * timestamp, no URL), so a receiver verifies by recomputing the HMAC over the bytes it read.
 */
public final class WebhookSigner {
  /** The header carrying the signature. */
  public static final String HEADER = "X-Pelcro-Hmac-SHA256";

  private final SecretKeySpec key;

  public WebhookSigner(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("The webhook secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The header's value for a body. */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
