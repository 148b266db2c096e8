package pelcro.exports.sandbox.store.engine;

import java.util.function.Supplier;

/**
 * Runs a read-decide-commit step until its commit applies: optimistic concurrency, so rules that
 * read several keys stay atomic on any engine without holding a lock while they decide.
 */
public final class Attempts {
  /** Far more than any real contention needs (20 racing requests settle in a few rounds). */
  private static final int MAX_ATTEMPTS = 10_000;

  private Attempts() {}

  /** What one attempt decided: the transaction to commit and the result if it applies. */
  public record Step<T>(Transaction transaction, T result) {}

  /**
   * Reads, decides and commits until the commit applies; exceptions from a step end it. A step that
   * expects and writes nothing is done at once, with no round trip.
   */
  public static <T> T commit(StateEngine engine, Supplier<Step<T>> step) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Step<T> decided = step.get();
      // A step that decided to change nothing (no fault aimed at an occasion) needs no commit.
      if (decided.transaction().isEmpty() || engine.commit(decided.transaction())) {
        return decided.result();
      }
      if (attempt > 8) {
        Thread.onSpinWait();
      }
    }
    throw new IllegalStateException("A store commit kept conflicting; giving up");
  }
}
