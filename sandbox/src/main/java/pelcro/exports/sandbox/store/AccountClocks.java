package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;

/**
 * The sandbox clock and every account's own clock: the base clock plus a sandbox-wide offset, plus
 * the account's offset. Offsets only grow (time never goes back) and live in the store, so every
 * node reads the same time.
 *
 * <p>Exports derive their state from their account's clock when read; advancing a clock is how
 * tests make exports start and finish without sleeping and without background threads (Stripe's
 * test clocks, per account).
 */
public final class AccountClocks {
  /** Offsets remembered per account for {@link #guess}; beyond it, forgotten at once. */
  private static final int REMEMBERED = 10_000;

  private final InstantSource base;
  private final StateEngine engine;
  private final Map<Long, Long> lastOffsets = new ConcurrentHashMap<>();
  private volatile long lastSandboxOffset;

  AccountClocks(InstantSource base, StateEngine engine) {
    this.base = base;
    this.engine = engine;
  }

  /** The sandbox clock: the base clock plus the sandbox-wide offset. */
  public Instant now() {
    return base.instant()
        .plusMillis(sandboxOffset(List.of(Keys.SANDBOX_CLOCK, Keys.FAULTS_PRESENT)));
  }

  /** An account's clock: the sandbox clock plus the account's own offset. */
  public Instant now(long accountId) {
    // What a request on the account reads anyway, in one round trip (see RequestReads).
    List<String> together = List.of(Keys.SANDBOX_CLOCK, Keys.clock(accountId), Keys.FAULTS_PRESENT);
    return base.instant()
        .plusMillis(sandboxOffset(together))
        .plusMillis(RequestReads.counter(engine, Keys.clock(accountId), together));
  }

  private long sandboxOffset(List<String> together) {
    return RequestReads.counter(engine, Keys.SANDBOX_CLOCK, together);
  }

  /** The account's clock as an {@link InstantSource}. */
  public InstantSource of(long accountId) {
    return () -> now(accountId);
  }

  public Duration offset() {
    return Duration.ofMillis(sandboxOffset(List.of(Keys.SANDBOX_CLOCK, Keys.FAULTS_PRESENT)));
  }

  /** How far the account's clock is ahead of the sandbox clock. */
  public Duration offset(long accountId) {
    List<String> together = List.of(Keys.SANDBOX_CLOCK, Keys.clock(accountId), Keys.FAULTS_PRESENT);
    return Duration.ofMillis(RequestReads.counter(engine, Keys.clock(accountId), together));
  }

  /**
   * The offsets (the sandbox's, the account's) this node saw last: a guess of the account's clock
   * for work that must be keyed on it before the offsets are read, checked against them in the same
   * round trip (the rate window, see {@link RequestPlans}).
   */
  long[] guess(long accountId) {
    return new long[] {lastSandboxOffset, lastOffsets.getOrDefault(accountId, 0L)};
  }

  /** Remembers the offsets a request read, for the next {@link #guess}. */
  void saw(long accountId) {
    Long sandbox = RequestReads.seen(Keys.SANDBOX_CLOCK);
    Long mine = RequestReads.seen(Keys.clock(accountId));
    // Written only when they moved: every request of an account passes here.
    if (sandbox != null && sandbox != lastSandboxOffset) {
      lastSandboxOffset = sandbox;
    }
    if (mine != null && !mine.equals(lastOffsets.get(accountId))) {
      if (lastOffsets.size() >= REMEMBERED) {
        lastOffsets.clear();
      }
      lastOffsets.put(accountId, mine);
    }
  }

  /** Moves every account's clock forward. */
  public Instant advance(Duration by) {
    long offset = engine.increment(Keys.SANDBOX_CLOCK, millis(by), null);
    RequestReads.changed(Keys.SANDBOX_CLOCK, offset);
    lastSandboxOffset = offset;
    return now();
  }

  /** Moves one account's clock forward, and no other. */
  public Instant advance(long accountId, Duration by) {
    long offset = engine.increment(Keys.clock(accountId), millis(by), null);
    RequestReads.changed(Keys.clock(accountId), offset);
    lastOffsets.put(accountId, offset);
    return now(accountId);
  }

  /** Back to the base clock's time. */
  public void reset() {
    engine.deleteCounters(List.of(Keys.SANDBOX_CLOCK));
    RequestReads.changed(Keys.SANDBOX_CLOCK, null);
  }

  /** The account's clock back to the sandbox clock. */
  public void reset(long accountId) {
    engine.deleteCounters(List.of(Keys.clock(accountId)));
    RequestReads.changed(Keys.clock(accountId), null);
  }

  /** Adds to {@code tx} the account's clock going back to the sandbox clock. */
  Transaction reset(long accountId, Transaction tx) {
    lastOffsets.put(accountId, 0L); // the next guess of its rate window (if the commit applies)
    return tx.deleteCounter(Keys.clock(accountId));
  }

  private static long millis(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    return by.toMillis();
  }
}
