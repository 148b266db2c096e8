package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import pelcro.exports.sandbox.store.engine.StateEngine;

/**
 * The sandbox clock and every account's own clock: the base clock plus a sandbox-wide offset,
 * plus the account's offset. Offsets only grow (time never goes back) and live in the store, so
 * every node reads the same time.
 *
 * <p>Exports derive their state from their account's clock when read; advancing a clock is how
 * tests make exports start and finish without sleeping and without background threads
 * (Stripe's test clocks, per account).
 */
public final class AccountClocks {
  private final InstantSource base;
  private final StateEngine engine;

  AccountClocks(InstantSource base, StateEngine engine) {
    this.base = base;
    this.engine = engine;
  }

  /** The sandbox clock: the base clock plus the sandbox-wide offset. */
  public Instant now() {
    return base.instant().plusMillis(engine.counter(Keys.SANDBOX_CLOCK));
  }

  /** An account's clock: the sandbox clock plus the account's own offset. */
  public Instant now(long accountId) {
    return now().plusMillis(engine.counter(Keys.clock(accountId)));
  }

  /** The account's clock as an {@link InstantSource}. */
  public InstantSource of(long accountId) {
    return () -> now(accountId);
  }

  public Duration offset() {
    return Duration.ofMillis(engine.counter(Keys.SANDBOX_CLOCK));
  }

  /** How far the account's clock is ahead of the sandbox clock. */
  public Duration offset(long accountId) {
    return Duration.ofMillis(engine.counter(Keys.clock(accountId)));
  }

  /** Moves every account's clock forward. */
  public Instant advance(Duration by) {
    engine.increment(Keys.SANDBOX_CLOCK, millis(by), null);
    return now();
  }

  /** Moves one account's clock forward, and no other. */
  public Instant advance(long accountId, Duration by) {
    engine.increment(Keys.clock(accountId), millis(by), null);
    return now(accountId);
  }

  /** Back to the base clock's time. */
  public void reset() {
    engine.deleteCounters(java.util.List.of(Keys.SANDBOX_CLOCK));
  }

  /** The account's clock back to the sandbox clock. */
  public void reset(long accountId) {
    engine.deleteCounters(java.util.List.of(Keys.clock(accountId)));
  }

  private static long millis(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    return by.toMillis();
  }
}
