package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.store.redis.RedisEngine;

/**
 * A {@code --state} Sentinel or Cluster URL that cannot work says what is wrong with it before
 * anything is tried, and one that names nothing listening says where it looked.
 */
class RedisUrlsTest {

  @Test
  void aSentinelUrlWithoutTheMastersNameAsksForIt() {
    assertThatThrownBy(
            () ->
                RedisEngine.connect(
                    "redis-sentinel://127.0.0.1:26379/0", "x:", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no master")
        .hasMessageContaining("#MASTER");
  }

  @Test
  void aClusterUrlWithADatabaseSaysAClusterHasDatabaseZeroOnly() {
    assertThatThrownBy(
            () ->
                RedisEngine.connect(
                    "redis-cluster://127.0.0.1:7001/3", "x:", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database 0 only")
        .hasMessageContaining("redis-cluster://HOST:PORT[,HOST:PORT...]");
  }

  @Test
  void aClusterNobodyServesIsNamedWithTheNodesTried() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String node = "127.0.0.1:" + port;
    assertThatThrownBy(
            () -> RedisEngine.connect("redis-cluster://" + node, "x:", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot reach Redis Cluster at " + node);
  }

  @Test
  void aUrlOfAnotherSchemeListsTheFormsToGive() {
    assertThatThrownBy(
            () -> RedisEngine.connect("valkey://127.0.0.1:6379", "x:", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-sentinel://")
        .hasMessageContaining("redis-cluster://");
  }
}
