package pelcro.exports.sandbox.tryit.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Test clock: a stand-in for the sandbox clock that moves only when a test advances it. */
public final class ManualInstantSource implements InstantSource {
  private volatile Instant now;

  public ManualInstantSource(Instant start) {
    this.now = start;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public synchronized void advance(Duration by) {
    now = now.plus(by);
  }
}
