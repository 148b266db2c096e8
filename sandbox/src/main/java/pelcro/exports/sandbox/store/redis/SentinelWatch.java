package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Listens to every Sentinel's {@code +switch-master} announcement for the node's master and says
 * where the master went, once per switch. Without it a node asks the Sentinels only when its
 * connection breaks, and an old master that is still up keeps taking writes (which its demotion
 * then throws away) until a Sentinel notices and demotes it, up to about 20 s later.
 */
final class SentinelWatch implements AutoCloseable {
  private static final String SWITCH = "+switch-master";

  private final List<StatefulRedisPubSubConnection<String, String>> subscriptions =
      new ArrayList<>();

  private SentinelWatch() {}

  /**
   * Subscribes to the Sentinels of {@code uri}; {@code switched} gets the new master's {@code
   * HOST:PORT} (on a Lettuce thread: it must not block). A Sentinel that cannot be reached now is
   * left out; Lettuce resubscribes to the others after a reconnect.
   */
  static SentinelWatch start(RedisClient client, RedisURI uri, Consumer<String> switched) {
    SentinelWatch watch = new SentinelWatch();
    AtomicReference<String> last = new AtomicReference<>();
    RedisPubSubAdapter<String, String> listener =
        new RedisPubSubAdapter<>() {
          @Override
          public void message(String channel, String message) {
            // "<master name> <old ip> <old port> <new ip> <new port>"
            String[] words = message.split(" ");
            if (words.length == 5 && words[0].equals(uri.getSentinelMasterId())) {
              String master = words[3] + ":" + words[4];
              if (!master.equals(last.getAndSet(master))) {
                switched.accept(master);
              }
            }
          }
        };
    for (RedisURI sentinel : uri.getSentinels()) {
      RedisURI plain =
          RedisURI.builder()
              .withHost(sentinel.getHost())
              .withPort(sentinel.getPort())
              .withSsl(uri.isSsl())
              .withTimeout(uri.getTimeout())
              .build();
      if (sentinel.getCredentialsProvider() != null) {
        plain.setCredentialsProvider(sentinel.getCredentialsProvider());
      }
      try {
        StatefulRedisPubSubConnection<String, String> subscription = client.connectPubSub(plain);
        subscription.addListener(listener);
        subscription.sync().subscribe(SWITCH);
        watch.subscriptions.add(subscription);
      } catch (RedisException unreachable) {
        // the other Sentinels announce the switch too
      }
    }
    return watch;
  }

  @Override
  public void close() {
    subscriptions.forEach(StatefulRedisPubSubConnection::close);
  }
}
