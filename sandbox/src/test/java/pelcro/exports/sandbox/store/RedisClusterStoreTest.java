package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.support.ClusterRedis;

/**
 * The store on a real Redis Cluster of three masters ({@code redis-cluster://}): the whole suite,
 * every script on the keys of one slot.
 */
class RedisClusterStoreTest extends StoreContract {
  @RegisterExtension static final ClusterRedis cluster = new ClusterRedis();

  @Override
  StateEngine newEngine() {
    return RedisEngine.connect(
        cluster.uri(), "test-" + UUID.randomUUID() + ":", Duration.ofSeconds(5));
  }
}
