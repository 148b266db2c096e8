package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.support.ClusterRedis;

/**
 * The store on a real Redis Cluster of three masters ({@code redis-cluster://}): the whole suite,
 * every script on the keys of one slot; and the accounts' keys spread over every master.
 */
class RedisClusterStoreTest extends StoreContract {
  @RegisterExtension static final ClusterRedis cluster = new ClusterRedis();

  private String prefix;

  @Override
  StateEngine newEngine() {
    prefix = "test-" + UUID.randomUUID() + ":";
    return RedisEngine.connect(cluster.uri(), prefix, Duration.ofSeconds(5));
  }

  @Test
  void theAccountsExportsSpreadOverEveryMasterEachAccountsOnOne() {
    for (long account = 1; account <= 30; account++) {
      state.jobs().insertIfNoneRunning(job(account, "orders", T0), T0);
      state.jobs().insertIfNoneRunning(job(account, "invoices", T0), T0);
    }

    Map<String, List<String>> jobsByMaster = new TreeMap<>();
    List<RedisURI> seeds = new ArrayList<>();
    cluster.ports().forEach(p -> seeds.add(RedisURI.create("redis://127.0.0.1:" + p)));
    RedisClusterClient admin = RedisClusterClient.create(seeds);
    try (var connection = admin.connect()) {
      for (RedisClusterNode node : connection.getPartitions()) {
        if (node.is(RedisClusterNode.NodeFlag.UPSTREAM)) {
          jobsByMaster.put(
              node.getNodeId(),
              connection.getConnection(node.getNodeId()).sync().keys(prefix + "h:job:*"));
        }
      }
    } finally {
      admin.shutdown();
    }

    assertThat(jobsByMaster).hasSize(3);
    assertThat(jobsByMaster.values()).allSatisfy(keys -> assertThat(keys).isNotEmpty());
    assertThat(jobsByMaster.values().stream().mapToInt(List::size).sum()).isEqualTo(60);
    for (List<String> keys : jobsByMaster.values()) {
      for (String key : keys) {
        String account = key.substring(key.indexOf('{'), key.indexOf('}') + 1);
        assertThat(keys.stream().filter(k -> k.contains(account)))
            .as("both exports of %s on one master", account)
            .hasSize(2);
      }
    }
  }
}
