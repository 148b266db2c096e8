package pelcro.exports.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.PlatformOptions;
import picocli.CommandLine;

class SandboxMainExtrasOptionsTest {
  @Test
  void byDefaultTryItIsOffNoOriginIsGrantedNoWebhookIsSentAndTheVendors120Apply() {
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs();

    assertThat(main.tryIt).isFalse();
    assertThat(main.corsOrigins).isEmpty();
    assertThat(main.webhookUrl).isNull();
    assertThat(main.rateLimit).isEqualTo(120);
    assertThat(main.tryItIdleMinutes).isEqualTo(30);
    assertThat(main.tryItMaxTenants).isEqualTo(1000);
  }

  @Test
  void thePublicTryItOptionsParse() {
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs("--try-it", "--try-it-idle-minutes", "10", "--try-it-max-tenants", "50",
        "--cors-origins", "https://a.example,https://b.example", "--rate-limit", "0",
        "--webhook-url", "http://127.0.0.1:9000/hooks", "--webhook-secret", "whsec", "--webhook-max-attempts", "3",
        "--no-admin");

    assertThat(main.tryIt).isTrue();
    assertThat(main.tryItIdleMinutes).isEqualTo(10);
    assertThat(main.tryItMaxTenants).isEqualTo(50);
    assertThat(main.corsOrigins).containsExactly("https://a.example", "https://b.example");
    assertThat(main.rateLimit).isZero();
    assertThat(main.webhookUrl).isEqualTo(URI.create("http://127.0.0.1:9000/hooks"));
    assertThat(main.webhookSecret).isEqualTo("whsec");
    assertThat(main.webhookMaxAttempts).isEqualTo(3);
  }

  @Test
  void aWebhookUrlWithoutASecretIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlatformOptions.defaults()
        .withWebhook(URI.create("http://127.0.0.1:9/h"), null, 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--webhook-secret");
  }
}
