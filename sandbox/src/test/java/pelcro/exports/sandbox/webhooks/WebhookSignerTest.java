package pelcro.exports.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  @Test
  void theSignatureIsTheBase64HmacSha256OfTheRawBody() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    String signature =
        new WebhookSigner("Jefe")
            .sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));
    assertThat(signature).isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThatThrownBy(() -> new WebhookSigner("")).isInstanceOf(IllegalArgumentException.class);
  }
}
