package pelcro.exports.sandbox.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.store.engine.StateUnavailable;

/** A read served from the node's copy waits for a ping sent after it began, shared by many. */
class FenceTest {
  private final List<CompletableFuture<String>> pings = new CopyOnWriteArrayList<>();
  private final Fence fence =
      new Fence(
          () -> {
            CompletableFuture<String> ping = new CompletableFuture<>();
            pings.add(ping);
            return ping;
          },
          5_000);

  @Test
  void aReadThatBeganWhileAPingWasAwayWaitsForTheNextOneWhichServesEveryReadWaitingThen()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?> first = pool.submit(fence::pass);
      waitFor(1);
      Future<?> second = pool.submit(fence::pass);
      Future<?> third = pool.submit(fence::pass);
      Thread.sleep(100);
      assertThat(pings).as("no second ping while the first is away").hasSize(1);
      pings.get(0).complete("PONG");
      first.get(5, TimeUnit.SECONDS);
      waitFor(2);
      assertThat(second.isDone()).as("began after the first ping was sent").isFalse();
      pings.get(1).complete("PONG");
      second.get(5, TimeUnit.SECONDS);
      third.get(5, TimeUnit.SECONDS);
      assertThat(pings).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedPingFailsItsReadsAsRedisUnavailable() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> read = pool.submit(fence::pass);
      waitFor(1);
      pings.get(0).completeExceptionally(new IllegalStateException("connection reset"));
      assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(StateUnavailable.class);
    } finally {
      pool.shutdownNow();
    }
  }

  private void waitFor(int sent) throws InterruptedException {
    for (int i = 0; i < 500 && pings.size() < sent; i++) {
      Thread.sleep(10);
    }
    assertThat(pings).hasSize(sent);
  }
}
