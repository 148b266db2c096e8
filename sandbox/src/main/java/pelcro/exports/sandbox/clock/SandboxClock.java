package pelcro.exports.sandbox.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox's clock: a base clock plus an offset that the control API can advance.
 *
 * <p>Every export's state is derived from this clock when it is read, so moving it forward is
 * how tests make exports start and finish without sleeping and without background threads.
 */
public final class SandboxClock extends Clock {
  private final Clock base;
  // Guarded by the AtomicReference: advances from concurrent control calls add up.
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public SandboxClock(Clock base) {
    this.base = base;
  }

  /** A clock on the system's time, in UTC. */
  public static SandboxClock system() {
    return new SandboxClock(Clock.systemUTC());
  }

  /** Moves the clock forward; a negative duration is refused, time never goes back. */
  public Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("The clock only moves forward");
    }
    offset.accumulateAndGet(by, Duration::plus);
    return instant();
  }

  /** Drops every advance, back to the base clock's time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  /** How far the clock has been advanced. */
  public Duration offset() {
    return offset.get();
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
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
