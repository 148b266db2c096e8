package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.support.RedisServer;

/** The store's behaviour on a real Redis: the same suite as in memory, shared by many nodes. */
class RedisStoreTest extends StoreContract {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  @Test
  void writesAgainWhenRedisHasLostItsScriptsAsAfterARestart() {
    state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    io.lettuce.core.RedisClient admin = io.lettuce.core.RedisClient.create(redis.uri());
    try (var connection = admin.connect()) {
      connection.sync().scriptFlush();
    } finally {
      admin.shutdown();
    }
    state.jobs().insertIfNoneRunning(job(1, "invoices", T0), T0);
    assertThat(state.jobs().jobs(1)).hasSize(2);
  }

  @Override
  StateEngine newEngine() {
    // A prefix of its own per test: tests never see each other's keys.
    return RedisEngine.connect(
        redis.uri(), "test-" + UUID.randomUUID() + ":", Duration.ofSeconds(5));
  }
}
