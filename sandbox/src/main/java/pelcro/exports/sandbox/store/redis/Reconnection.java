package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How quickly a node tries again to reach a Redis that went away. */
final class Reconnection {
  /** The longest wait between two attempts to reconnect. */
  static final Duration AT_MOST = Duration.ofMillis(400);

  private Reconnection() {}

  /**
   * Lettuce's resources with a reconnect backoff from 20 ms up to {@link #AT_MOST}: its default
   * grows to 30 s, and a node would answer 503 long after Redis is back.
   */
  static ClientResources resources() {
    return ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(20), AT_MOST, 2, TimeUnit.MILLISECONDS))
        .build();
  }
}
