package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.store.redis.RedisSettings;
import pelcro.exports.sandbox.support.TlsRedis;

/**
 * The store on a Redis that serves TLS only ({@code rediss://}): the whole suite, with the server's
 * certificate checked against {@code --state-ca}; a certificate that does not chain to it refuses
 * the start with a line that says so.
 */
class RedisTlsStoreTest extends StoreContract {
  @RegisterExtension static final TlsRedis redis = new TlsRedis();

  @Override
  StateEngine newEngine() {
    return RedisEngine.connect(
        redis.uri(),
        "test-" + UUID.randomUUID() + ":",
        Duration.ofSeconds(5),
        new RedisSettings(redis.authority(), 0));
  }

  @Test
  void aServerWhoseCertificateDoesNotChainToTheGivenAuthorityIsRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                RedisEngine.connect(
                    redis.uri(),
                    "x:",
                    Duration.ofSeconds(3),
                    new RedisSettings(redis.otherAuthority(), 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over TLS")
        .hasMessageContaining("--state-ca");
  }

  @Test
  void aServerWhoseAuthorityTheJvmDoesNotTrustIsRefusedWithoutStateCa() {
    assertThatThrownBy(() -> RedisEngine.connect(redis.uri(), "x:", Duration.ofSeconds(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("over TLS");
  }

  @Test
  void aPlainConnectionToATlsPortIsNotTakenForAWorkingRedis() {
    assertThatThrownBy(
            () ->
                RedisEngine.connect(
                    redis.uri().replace("rediss://", "redis://"), "x:", Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot reach Redis at 127.0.0.1");
  }
}
