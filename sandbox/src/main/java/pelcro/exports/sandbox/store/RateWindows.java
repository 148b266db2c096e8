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
    long start = start(now, window);
    // Counted already by the request's first read (RequestPlans): in this window, or in the one
    // before when the request's first read fell in it an instant earlier.
    for (long counted : new long[] {start, start - length}) {
      Long value = RequestReads.takeIncrement(Keys.rateWindow(subject, counted));
      if (value != null) {
        return new Count(value, Instant.ofEpochSecond(counted + length));
      }
    }
    long count = engine.increment(Keys.rateWindow(subject, start), 1, lifetime(window));
    return new Count(count, Instant.ofEpochSecond(start + length));
  }

  /** The counter of the window that holds {@code now}. */
  static String key(String subject, Instant now, Duration window) {
    return Keys.rateWindow(subject, start(now, window));
  }

  /** The counter outlives its window a little, for clocks a few seconds apart across nodes. */
  static Duration lifetime(Duration window) {
    return window.multipliedBy(2);
  }

  private static long start(Instant now, Duration window) {
    long length = window.toSeconds();
    return Math.floorDiv(now.getEpochSecond(), length) * length;
  }

  /**
   * The count so far in the window, this event included.
   *
   * @param resetsAt when the window ends
   */
  public record Count(long value, Instant resetsAt) {}
}
