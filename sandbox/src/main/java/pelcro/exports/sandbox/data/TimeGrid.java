package pelcro.exports.sandbox.data;

import java.util.function.LongPredicate;

/**
 * Spreads record indexes evenly over the seeded window, from its start to the anchor.
 *
 * <p>Record {@code i} is created inside its slot {@code [base(i), base(i) + width)}, so ids grow
 * with time as in a real database and a date range maps to an index range by binary search: a file
 * never scans records that cannot match.
 */
final class TimeGrid {
  private final long start;
  private final long end;
  private final long span;
  private final long count;
  private final long width;

  /**
   * @param start the window's first second (epoch seconds)
   * @param end the anchor, the window's last second (epoch seconds), after {@code start}
   */
  TimeGrid(long start, long end, long count) {
    if (end <= start) {
      throw new IllegalArgumentException("The seeded window must end after it starts");
    }
    this.end = end;
    this.start = start;
    this.span = end - start;
    this.count = Math.max(1, count);
    this.width = Math.max(1, (span + this.count - 1) / this.count);
  }

  long start() {
    return start;
  }

  /** The anchor: no record is created or updated after it. */
  long end() {
    return end;
  }

  long base(long index) {
    return start + index * span / count;
  }

  /** The slot's width in seconds: a record's jitter lies in {@code [0, width)}. */
  long width() {
    return width;
  }

  /** The first index whose slot may hold an instant at or after {@code from}. */
  long firstIndexFrom(long from) {
    return firstIndexWhere(i -> base(i) + width > from);
  }

  /** One past the last index whose slot may hold an instant at or before {@code to}. */
  long endIndexTo(long to) {
    return firstIndexWhere(i -> base(i) > to);
  }

  /**
   * Binary search: the first index in {@code [0, count]} at which {@code past} holds, for a {@code
   * past} that, once true, stays true for every later index.
   */
  private long firstIndexWhere(LongPredicate past) {
    long lo = 0;
    long hi = count;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (past.test(mid)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
