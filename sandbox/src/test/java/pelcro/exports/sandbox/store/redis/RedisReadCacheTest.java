package pelcro.exports.sandbox.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;
import pelcro.exports.sandbox.support.RedisServer;

/**
 * Two nodes on one real Redis, each with its copy of what it read: a node answers a repeated read
 * without a round trip, and every write, its own or another node's, reaches its copy.
 */
class RedisReadCacheTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  private static final Codec<String> TEXT = Codec.of(String.class);

  private RedisEngine one;
  private RedisEngine other;
  private RedisClient adminClient;
  private StatefulRedisConnection<String, String> admin;

  @BeforeEach
  void twoNodes() {
    String prefix = "cache-" + UUID.randomUUID() + ":";
    one = RedisEngine.connect(redis.uri(), prefix, Duration.ofSeconds(5));
    other = RedisEngine.connect(redis.uri(), prefix, Duration.ofSeconds(5));
    adminClient = RedisClient.create(redis.uri());
    admin = adminClient.connect();
  }

  @AfterEach
  void close() {
    one.close();
    other.close();
    admin.close();
    adminClient.shutdown();
  }

  @Test
  void aRepeatedReadIsAnsweredByTheNodeWithoutARoundTrip() {
    write(other, "k", "v1");
    assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
    long before = reads();
    for (int i = 0; i < 10; i++) {
      assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
      assertThat(one.counter("n")).isZero();
    }
    assertThat(one.size("z")).isZero();
    long afterFirstSize = reads();
    assertThat(one.size("z")).isZero();
    assertThat(reads()).isEqualTo(afterFirstSize).isEqualTo(before + 2);
  }

  @Test
  void anotherNodesWriteReachesThisNodesCopyAndTheOldValueNeverComesBack() {
    write(other, "k", "v1");
    assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
    write(other, "k", "v2");
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> "v2".equals(one.get("k", TEXT).value()));
    for (int i = 0; i < 100; i++) {
      assertThat(one.get("k", TEXT).value()).isEqualTo("v2");
    }
  }

  @Test
  void aNodeSeesItsOwnWriteAtOnceWithoutReadingItBack() {
    write(one, "k", "v1");
    assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
    write(one, "k", "v2");
    long before = reads();
    assertThat(one.get("k", TEXT).value()).isEqualTo("v2");
    assertThat(reads()).isEqualTo(before);
  }

  @Test
  void aNodeStillHearsOfAnotherNodesWriteToAKeyItWroteItself() {
    write(one, "k", "mine");
    assertThat(one.get("k", TEXT).value()).isEqualTo("mine");
    write(other, "k", "theirs");
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> "theirs".equals(one.get("k", TEXT).value()));
  }

  @Test
  void countersAndIndexSizesFollowAnotherNodesChanges() {
    assertThat(one.counter("n")).isZero();
    assertThat(one.size("z")).isZero();
    other.increment("n", 5, null);
    other.commit(new Transaction().index("z", "member", 1));
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> one.counter("n") == 5 && one.size("z") == 1);
  }

  @Test
  void aLostConnectionEmptiesTheCopySoAWriteMadeMeanwhileIsRead() {
    write(other, "k", "v1");
    assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
    // Every connection but this one is dropped; the write lands while the nodes reconnect.
    admin.sync().clientKill(KillArgs.Builder.typeNormal().skipme());
    admin
        .sync()
        .hset(
            one.valueKey("k"),
            java.util.Map.of("v", "999999", "d", TEXT.encode("written while away")));
    assertThat(one.get("k", TEXT).value()).isEqualTo("written while away");
  }

  @Test
  void aWholeResetOnOneNodeEmptiesTheOtherNodesCopy() {
    write(other, "k", "v1");
    assertThat(one.get("k", TEXT).value()).isEqualTo("v1");
    other.clear();
    await()
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> !one.get("k", TEXT).present());
  }

  private static void write(RedisEngine node, String key, String value) {
    Versioned<String> read = node.get(key, TEXT);
    assertThat(node.commit(new Transaction().expect(key, read).put(key, value, TEXT))).isTrue();
  }

  /** The read commands Redis has run so far, for every client. */
  private long reads() {
    String stats = admin.sync().info("commandstats");
    long total = 0;
    for (String line : stats.split("\r?\n")) {
      for (String command : new String[] {"hmget", "get", "mget", "zcard", "evalsha"}) {
        if (line.startsWith("cmdstat_" + command + ":")) {
          String calls = line.substring(line.indexOf("calls=") + 6);
          total += Long.parseLong(calls.substring(0, calls.indexOf(',')));
        }
      }
    }
    return total;
  }
}
