package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.support.PlainHttp.get;
import static pelcro.exports.sandbox.support.PlainHttp.postExport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.LocalRedis;
import pelcro.exports.sandbox.support.RedisServer;

/**
 * Try-it tenants of two nodes on one real {@code redis-server}, through HTTP: a visitor's key is
 * looked up, marked as used, and a new tenant made and counted in its creation windows with the
 * request's own reads, and every Try-it rule still holds across the nodes.
 */
class TryItOnRedisAcceptanceTest {
  private static Sandbox node(LocalRedis redis, int perClient) {
    return Sandbox.builder()
        .port(0)
        .rateLimit(0)
        .jobSeconds(7200)
        .tryIt(true)
        .tryItMaxTenants(100)
        .tryItCreationLimits(perClient, 1000)
        .state(redis.uri())
        .start();
  }

  /** A new export with {@code sk_try_returning} on {@code node}: the status. */
  private static int post(Sandbox node) {
    return postExport(node, "sk_try_returning", TryItTenantsAcceptanceTest.BODY).statusCode();
  }

  @Test
  void newKeysRacingFromOneAddressOnTwoNodesGetExactlyItsLimitOfTenants() throws Exception {
    RedisServer.assumeInstalled();
    try (LocalRedis redis = LocalRedis.start(false);
        Sandbox a = node(redis, 3);
        Sandbox b = node(redis, 3)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          Sandbox node = i % 2 == 0 ? a : b;
          String key = "sk_try_racer" + i;
          answers.add(
              pool.submit(
                  () -> get(node, key, "/exports?site_id=1001").then().extract().statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(9);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aKeyIdleOnOneNodeComesBackOnTheOtherToAFreshTenant() throws Exception {
    RedisServer.assumeInstalled();
    try (LocalRedis redis = LocalRedis.start(false);
        Sandbox a = node(redis, 100);
        Sandbox b = node(redis, 100)) {
      assertThat(post(a)).isEqualTo(200);
      a.clock().advance(Duration.ofMinutes(29));
      assertThat(post(b)).as("used 29 minutes ago: its export still runs").isEqualTo(409);

      a.clock().advance(Duration.ofMinutes(31));

      assertThat(post(b)).as("idle for 31 minutes: a fresh tenant, no export").isEqualTo(200);
      assertThat(post(a)).isEqualTo(409);
    }
  }
}
