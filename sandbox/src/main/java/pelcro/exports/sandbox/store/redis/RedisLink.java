package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * The engine's connection to Redis, whatever its kind (one server, a server found through
 * Sentinels, a Cluster): the commands every kind shares, and how to wait for replicas.
 */
interface RedisLink extends AutoCloseable {

  /** The commands, sent on one multiplexed connection (per Cluster node). */
  RedisClusterCommands<String, String> commands();

  /**
   * {@code WAIT}s until {@code replicas} replicas of the server that holds {@code key} have every
   * write sent to it so far, at most {@code timeoutMillis}.
   *
   * @return how many replicas have them
   */
  long awaitReplicas(String key, int replicas, long timeoutMillis);

  /** Sends {@code PING} on the connection the replies and the invalidation messages share. */
  default java.util.concurrent.CompletionStage<String> ping() {
    throw new UnsupportedOperationException("no read cache on this link");
  }

  /**
   * Keeps {@code cache} current with the server's invalidation messages for the keys the link read;
   * a link that cannot (a Cluster) leaves it unused, so every read goes to Redis.
   */
  default void track(ReadCache cache) {}

  @Override
  void close();
}
