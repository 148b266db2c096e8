package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import pelcro.exports.sandbox.store.engine.StateEngine;

/**
 * Fixed-window counters (requests per minute per account, Try-it accounts created per minute),
 * counted once across every node that shares the store.
 */
public final class RateWindows {
  private final StateEngine engine;

  RateWindows(StateEngine engine) {
    this.engine = engine;
  }

  /** One event of {@code subject}, counted in the window that holds {@code now}. */
  public Count count(String subject, Instant now, Duration window) {
    long length = window.toSeconds();
    long start = Math.floorDiv(now.getEpochSecond(), length) * length;
    // The counter outlives its window a little, for clocks a few seconds apart across nodes.
    long count = engine.increment(Keys.rateWindow(subject, start), 1, window.multipliedBy(2));
    return new Count(count, Instant.ofEpochSecond(start + length));
  }

  /**
   * The count so far in the window, this event included.
   *
   * @param resetsAt when the window ends
   */
  public record Count(long value, Instant resetsAt) {}
}
