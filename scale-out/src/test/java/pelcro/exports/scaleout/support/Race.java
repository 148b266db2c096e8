package pelcro.exports.scaleout.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends the same request from {@code racers} threads released together (a barrier), as many times
 * as asked: the contention the store's invariants must hold under. Each round is bounded by the
 * requests' own timeout plus a margin.
 */
public final class Race implements AutoCloseable {
  private final int racers;
  private final ExecutorService pool;

  public Race(int racers) {
    this.racers = racers;
    this.pool = Executors.newFixedThreadPool(racers);
  }

  /** The answers of one round, in the order of the racers, and how long the round took. */
  public record Round(List<Answer> answers, long nanos) {}

  public Round run(Supplier<Answer> request) {
    CyclicBarrier start = new CyclicBarrier(racers);
    long[] released = new long[1];
    List<Future<Answer>> futures = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      futures.add(
          pool.submit(
              () -> {
                if (start.await() == 0) {
                  released[0] = System.nanoTime(); // the last to arrive opens the gate
                }
                return request.get();
              }));
    }
    List<Answer> answers = new ArrayList<>();
    try {
      for (Future<Answer> future : futures) {
        answers.add(future.get(60, TimeUnit.SECONDS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      futures.forEach(f -> f.cancel(true));
      throw new AssertionError("a racer did not finish", e);
    }
    return new Round(answers, System.nanoTime() - released[0]);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
