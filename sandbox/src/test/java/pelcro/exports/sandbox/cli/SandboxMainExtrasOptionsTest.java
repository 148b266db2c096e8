package pelcro.exports.sandbox.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxOptions;
import picocli.CommandLine;

class SandboxMainExtrasOptionsTest {
  private static SandboxOptions parse(String... args) {
    SandboxMain main = new SandboxMain();
    new CommandLine(main).parseArgs(args);
    return main.options();
  }

  @Test
  void byDefaultTryItIsOffNoOriginIsGrantedNoWebhookIsSentAndTheVendors120Apply() {
    SandboxOptions options = parse();

    assertThat(options.tryIt()).isFalse();
    assertThat(options.corsOrigins()).isEmpty();
    assertThat(options.webhookUrl()).isNull();
    assertThat(options.rateLimit()).isEqualTo(120);
    assertThat(options.tryItIdleMinutes()).isEqualTo(30);
    assertThat(options.tryItMaxTenants()).isEqualTo(1000);
  }

  @Test
  void thePublicTryItOptionsParse() {
    SandboxOptions options =
        parse(
            "--try-it",
            "--try-it-idle-minutes",
            "10",
            "--try-it-max-tenants",
            "50",
            "--cors-origins",
            "https://a.example,https://b.example",
            "--rate-limit",
            "0",
            "--webhook-url",
            "http://127.0.0.1:9000/hooks",
            "--webhook-secret",
            "whsec",
            "--webhook-max-attempts",
            "3",
            "--no-admin");

    assertThat(options.tryIt()).isTrue();
    assertThat(options.tryItIdleMinutes()).isEqualTo(10);
    assertThat(options.tryItMaxTenants()).isEqualTo(50);
    assertThat(options.corsOrigins()).containsExactly("https://a.example", "https://b.example");
    assertThat(options.rateLimit()).isZero();
    assertThat(options.webhookUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/hooks"));
    assertThat(options.webhookSecret()).isEqualTo("whsec");
    assertThat(options.webhookMaxAttempts()).isEqualTo(3);
    assertThat(options.admin()).isFalse();
  }

  @Test
  void aWebhookUrlWithoutASecretIsRefused() {
    assertThatThrownBy(
            () ->
                Sandbox.builder()
                    .webhook(URI.create("http://127.0.0.1:9/h"), null)
                    .webhookMaxAttempts(3)
                    .options())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--webhook-secret");
  }
}
