package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.support.RedisServer;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

/**
 * The lint's notes on a shared Redis, written behind the requests: the node that answered sees an
 * exchange's notes at once, another node soon after, and a reset drops notes not yet written.
 */
class LintOnRedisTest {
  @RegisterExtension static final RedisServer redis = new RedisServer();

  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

  private SandboxState node;
  private SandboxState otherNode;

  @BeforeEach
  void twoNodes() {
    String prefix = "lint-" + UUID.randomUUID() + ":";
    node = new SandboxState(connect(prefix), new ManualInstantSource(T0));
    otherNode = new SandboxState(connect(prefix), new ManualInstantSource(T0));
  }

  @AfterEach
  void close() {
    node.close();
    otherNode.close();
  }

  @Test
  void theNodeThatAnsweredSeesAnExchangesNotesAtOnceAndAnotherNodeSoonAfter() {
    exchange(node, 1, "polls-too-fast", "not-ready:u1", 5_000);
    assertThat(node.lint().recall(1, "not-ready:u1")).contains(5_000L);
    assertThat(node.lint().findings(null)).containsOnlyKeys(1L);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(otherNode.lint().recall(1, "not-ready:u1")).contains(5_000L));
    assertThat(otherNode.lint().findings(1L).get(1L))
        .singleElement()
        .satisfies(finding -> assertThat(finding.count()).isEqualTo(1));
  }

  @Test
  void concurrentExchangesCountEveryFindingOnceOnTheNodeAtOnceAndEverywhereOnceWritten()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    exchange(node, 1, "ignored-field", "fact", i);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < 20; i++) {
      assertThat(count(node)).isEqualTo(200);
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> count(otherNode) == 200);
    assertThat(count(node)).isEqualTo(200);
  }

  @Test
  void aResetDropsNotesNotYetWrittenAndTheyNeverComeBack() {
    for (int i = 0; i < 50; i++) {
      exchange(node, 1, "ignored-field", "fact" + i, i);
    }
    node.resetAccount(1);
    assertThat(node.lint().findings(null)).isEmpty();
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(
            () ->
                node.lint().findings(null).isEmpty() && otherNode.lint().findings(null).isEmpty());
  }

  /** One observed exchange: one finding and one fact, handed over together. */
  private static void exchange(SandboxState at, long account, String rule, String fact, long t) {
    at.lint()
        .together(
            account,
            () -> {
              at.lint().record(account, rule, "detail", t);
              at.lint().remember(account, fact, 5_000);
              return null;
            });
  }

  private static long count(SandboxState at) {
    var mine = at.lint().findings(1L).get(1L);
    return mine == null ? 0 : mine.get(0).count();
  }

  private static RedisEngine connect(String prefix) {
    return RedisEngine.connect(redis.uri(), prefix, Duration.ofSeconds(5));
  }
}
