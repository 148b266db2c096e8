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

  @Override
  void close();
}
