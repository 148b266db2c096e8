package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.SslOptions;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The TLS settings of a {@code rediss://} connection. Lettuce verifies the server's certificate and
 * its host name ({@code VerifyMode.FULL}) against the JVM's trust store, or against the PEM
 * certificates {@code --state-ca} names (a private CA, as most self-run Redis TLS setups use).
 */
final class Tls {
  private Tls() {}

  /** The SSL options that trust {@code --state-ca}'s certificates; empty: Lettuce's defaults. */
  static Optional<SslOptions> options(RedisSettings settings) {
    if (settings.trustedCertificates() == null) {
      return Optional.empty();
    }
    if (!Files.isReadable(settings.trustedCertificates())) {
      throw new IllegalArgumentException(
          "--state-ca "
              + settings.trustedCertificates()
              + " is not a readable file; give the PEM certificate(s) that Redis' certificate"
              + " chains to");
    }
    return Optional.of(
        SslOptions.builder()
            .jdkSslProvider()
            .trustManager(settings.trustedCertificates().toFile())
            .build());
  }
}
