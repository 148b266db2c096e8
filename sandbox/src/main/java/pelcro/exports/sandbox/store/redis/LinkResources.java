package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce's resources for a node's Redis links: how quickly a link tries again to reach a Redis
 * that went away, and how the commands of concurrent requests reach the socket.
 */
final class LinkResources {
  /** The longest wait between two attempts to reconnect. */
  static final Duration AT_MOST = Duration.ofMillis(400);

  /** Writes whose flushes may wait for one another, at most, while a read is in progress. */
  private static final int FLUSHES_PER_WRITE = 64;

  private LinkResources() {}

  /**
   * A reconnect backoff from 20 ms up to {@link #AT_MOST} (Lettuce's default grows to 30 s, and a
   * node would answer 503 long after Redis is back), and consolidated flushes: every request
   * thread's command would otherwise be one write to the socket, and one read for Redis; queued
   * together, the commands of concurrent requests go out in one write, which Redis reads and
   * answers at once (measured with bin/benchmark-scale-out: docs/performance.md).
   */
  static ClientResources create() {
    return ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(20), AT_MOST, 2, TimeUnit.MILLISECONDS))
        .nettyCustomizer(
            new NettyCustomizer() {
              @Override
              public void afterChannelInitialized(Channel channel) {
                channel.pipeline().addFirst(new FlushConsolidationHandler(FLUSHES_PER_WRITE, true));
              }
            })
        .build();
  }
}
