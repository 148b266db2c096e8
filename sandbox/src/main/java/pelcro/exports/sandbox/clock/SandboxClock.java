package pelcro.exports.sandbox.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import pelcro.exports.sandbox.store.AccountClocks;

/**
 * The sandbox clock as a {@link Clock}, for what runs on sandbox time rather than on one account's
 * time (the docs page's examples, the webhook ticker): the base clock plus the sandbox-wide offset
 * kept in the store, which the control API advances.
 */
public final class SandboxClock extends Clock {
  private final AccountClocks clocks;

  public SandboxClock(AccountClocks clocks) {
    this.clocks = clocks;
  }

  /** Moves every account's clock forward; a negative duration is refused. */
  public Instant advance(Duration by) {
    return clocks.advance(by);
  }

  /** How far the clock has been advanced. */
  public Duration offset() {
    return clocks.offset();
  }

  @Override
  public Instant instant() {
    return clocks.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The sandbox clock is always UTC");
  }
}
