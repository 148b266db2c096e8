package pelcro.exports.contract.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * One rate budget: the requests counted against one per-minute limit, and when the next may start.
 *
 * <p>Two rules, both on this machine's monotonic clock:
 *
 * <ol>
 *   <li>At most {@code limit} requests in any {@link #WINDOW} (61 s), each counted from its answer.
 *       The target counted it before answering, so no 60-second window of the target's, fixed or
 *       sliding, can hold more than {@code limit} of them; the extra second absorbs rounding of the
 *       target's clock to whole seconds.
 *   <li>Once a quarter of the budget is used, requests are spaced evenly, by the smallest gap that
 *       never meets the limit given when the counted requests leave the window. The wait before
 *       each request then stays near 61 s / (0.75 × limit), 0.7 s at the vendor's 120 a minute,
 *       instead of one stall of up to a minute when the budget runs out, which would outlast the
 *       suite's polling timeouts; the rate stays the limit's.
 * </ol>
 *
 * Not thread-safe on its own: {@link Pacer} guards it.
 */
final class RateWindow {
  static final Duration WINDOW = Duration.ofSeconds(61);
  private static final long WINDOW_NANOS = WINDOW.toNanos();

  /** Answer times of the counted requests, oldest first (nanoTime). */
  private final Deque<Long> counted = new ArrayDeque<>();

  private int inFlight;
  private long lastStart;
  private boolean started;
  private long blockedUntil;
  private boolean blocked;
  private int limit;

  /** The requests per minute this window enforces; 0 = none known. */
  int limit() {
    return limit;
  }

  void limit(int perMinute) {
    this.limit = Math.max(0, perMinute);
  }

  /** Nanoseconds to wait before a request may start at {@code now}; 0 = it may start now. */
  long delay(long now) {
    long wait = blocked ? Math.max(0, blockedUntil - now) : 0;
    if (limit <= 0) {
      return wait;
    }
    expire(now);
    int used = counted.size() + inFlight;
    if (used >= limit) {
      int mustLeave = used - limit + 1;
      if (mustLeave > counted.size()) {
        return Math.max(wait, WINDOW_NANOS / limit); // only requests in flight: look again shortly
      }
      return Math.max(wait, nth(mustLeave - 1) + WINDOW_NANOS - now);
    }
    if (used < Math.max(1, limit / 4) || !started) {
      return wait;
    }
    return Math.max(wait, lastStart + evenGap(used) - now);
  }

  /**
   * The smallest even gap between the next requests that never meets the limit: the m-th oldest
   * counted request must have left the window before the (limit - used + m)-th next one starts, for
   * every m.
   */
  private long evenGap(int used) {
    long gap = 0;
    int m = 1;
    for (long answeredAt : counted) {
      gap = Math.max(gap, (answeredAt + WINDOW_NANOS - lastStart) / (limit - used + m));
      m++;
    }
    return gap;
  }

  /** A request starts now. */
  void start(long now) {
    inFlight++;
    lastStart = now;
    started = true;
  }

  /** The request that started last has its answer (or failed) at {@code now}. */
  void answered(long now) {
    inFlight = Math.max(0, inFlight - 1);
    counted.addLast(now);
  }

  /**
   * The target says it has counted {@code used} requests in its current window ({@code
   * X-RateLimit-Limit} minus {@code X-RateLimit-Remaining}). More than this window holds means
   * someone else uses the account: their requests are counted as made now.
   */
  void targetCounted(long now, int used) {
    expire(now);
    for (int own = counted.size() + inFlight; own < used; own++) {
      counted.addLast(now);
    }
  }

  /**
   * The target refused a request and accepts again after {@code wait}: its word replaces this
   * window's count, which (with requests of others on the account) it has just shown wrong.
   */
  void refusedFor(long now, Duration wait) {
    counted.clear();
    blocked = true;
    blockedUntil = now + wait.toNanos();
  }

  private void expire(long now) {
    while (!counted.isEmpty() && now - counted.peekFirst() >= WINDOW_NANOS) {
      counted.removeFirst();
    }
  }

  private long nth(int index) {
    Iterator<Long> it = counted.iterator();
    for (int i = 0; i < index; i++) {
      it.next();
    }
    return it.next();
  }
}
