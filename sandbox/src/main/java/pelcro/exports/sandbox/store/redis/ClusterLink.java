package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.List;

/**
 * A Redis Cluster ({@code redis-cluster://}), through Lettuce's cluster client: each command goes
 * to the master of its keys' slot, a script's keys must all share one slot (the store's keys are
 * hash-tagged so that they do), and the topology is read again when Redis answers MOVED or a node
 * goes away, so the node follows a failover of one master to its replica.
 */
record ClusterLink(
    RedisClusterClient client,
    ClientResources resources,
    StatefulRedisClusterConnection<String, String> connection)
    implements RedisLink {

  static ClusterLink open(List<RedisURI> seeds, RedisSettings settings) {
    ClientResources resources = Reconnection.resources();
    RedisClusterClient client = RedisClusterClient.create(resources, seeds);
    ClusterClientOptions.Builder options =
        ClusterClientOptions.builder()
            // As for one server (ServerLink): wait for the reconnect so that a command whose reply
            // was lost is resent, and answered by its run record.
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
            .topologyRefreshOptions(
                ClusterTopologyRefreshOptions.builder()
                    .enableAllAdaptiveRefreshTriggers()
                    .enablePeriodicRefresh(Duration.ofSeconds(30))
                    .build());
    Tls.options(settings).ifPresent(options::sslOptions);
    client.setOptions(options.build());
    try {
      return new ClusterLink(client, resources, client.connect());
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown();
      throw new IllegalArgumentException(
          "cannot reach Redis Cluster at "
              + String.join(",", seeds.stream().map(s -> s.getHost() + ":" + s.getPort()).toList())
              + ": "
              + RedisUris.rootMessage(e),
          e);
    }
  }

  @Override
  public RedisClusterCommands<String, String> commands() {
    return connection.sync();
  }

  /** {@code WAIT} on the connection to the master of {@code key}'s slot, which ran its writes. */
  @Override
  public long awaitReplicas(String key, int replicas, long timeoutMillis) {
    RedisClusterNode master = connection.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
    if (master == null) {
      throw new RedisException("no master serves the slot of " + key);
    }
    return connection
        .getConnection(master.getNodeId())
        .sync()
        .waitForReplication(replicas, timeoutMillis);
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown();
  }
}
