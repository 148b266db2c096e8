package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.store.redis.RedisSettings;
import pelcro.exports.sandbox.support.ClusterRedis;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

/**
 * The store on a real Redis Cluster of three masters with a replica each: {@code
 * --state-wait-replicas} waits for the replica of the written slot's master, and when that master
 * dies the node follows its replica, promoted by the Cluster, with every acknowledged export kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterFailoverTest {
  private static final Instant T0 = StoreContract.T0;
  private static final String PREFIX = "test-" + UUID.randomUUID() + ":";

  @RegisterExtension static final ClusterRedis cluster = new ClusterRedis(1);

  private final List<SandboxState> states = new ArrayList<>();

  @AfterEach
  void close() {
    states.forEach(SandboxState::close);
  }

  @Test
  @Order(1)
  void withWaitReplicasEveryExportIsAcknowledgedOnceItsSlotsReplicaHasIt() {
    SandboxState node = node(1);
    for (long account = 1; account <= 12; account++) {
      node.jobs().insertIfNoneRunning(StoreContract.job(account, "orders", T0), T0);
    }
    for (long account = 1; account <= 12; account++) {
      assertThat(node.jobs().jobs(account)).hasSize(1);
    }
  }

  @Test
  @Order(2)
  void aNodeFollowsWhenTheMasterOfAnAccountsSlotFailsOverToItsReplica() throws Exception {
    SandboxState node = node(0);
    ExportJob first = node(1).jobs().insertIfNoneRunning(StoreContract.job(100, "orders", T0), T0);
    cluster.kill(masterOf("a100"));
    long killed = System.nanoTime();

    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    ExportJob second = null;
    int refused = 0;
    while (second == null && System.nanoTime() < deadline) {
      try {
        second = node.jobs().insertIfNoneRunning(StoreContract.job(100, "invoices", T0), T0);
      } catch (StateUnavailable notYet) {
        refused++;
      }
    }

    assertThat(second)
        .as("an export accepted after the failover (%d refused)", refused)
        .isNotNull();
    System.out.printf(
        "cluster failover: the account's master killed; %d requests refused (503), the next"
            + " export accepted %.1f s after the kill%n",
        refused, (System.nanoTime() - killed) / 1e9);
    assertThat(node.jobs().jobs(100))
        .extracting(ExportJob::uuid)
        .containsExactlyInAnyOrder(first.uuid(), second.uuid());
  }

  /** The port of the master that serves the slot of hash tag {@code tag}. */
  private static int masterOf(String tag) {
    List<RedisURI> seeds = new ArrayList<>();
    cluster.ports().forEach(p -> seeds.add(RedisURI.create("redis://127.0.0.1:" + p)));
    RedisClusterClient admin = RedisClusterClient.create(seeds);
    try (var connection = admin.connect()) {
      return connection
          .getPartitions()
          .getMasterBySlot(SlotHash.getSlot("{" + tag + "}"))
          .getUri()
          .getPort();
    } finally {
      admin.shutdown();
    }
  }

  private SandboxState node(int waitReplicas) {
    SandboxState state =
        new SandboxState(
            RedisEngine.connect(
                cluster.uri(),
                PREFIX,
                Duration.ofMillis(1250),
                new RedisSettings(null, waitReplicas)),
            new ManualInstantSource(T0));
    states.add(state);
    return state;
  }
}
