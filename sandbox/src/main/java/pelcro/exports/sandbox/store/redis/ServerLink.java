package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One Redis server: {@code redis://}, {@code rediss://} (TLS), or the master that Sentinels name
 * ({@code redis-sentinel://}). Behind Sentinels, Lettuce asks them for the master at every
 * (re)connection; when they announce a new master ({@link SentinelWatch}) the node closes its
 * connection to the old one at once, so its next commands (and those in flight, which Lettuce sends
 * again) go to the new master.
 */
final class ServerLink implements RedisLink {
  private final RedisClient client;
  private final ClientResources resources;
  private final StatefulRedisConnection<String, String> connection;
  private SentinelWatch sentinels;

  private ServerLink(
      RedisClient client,
      ClientResources resources,
      StatefulRedisConnection<String, String> connection) {
    this.client = client;
    this.resources = resources;
    this.connection = connection;
  }

  static ServerLink open(RedisURI uri, RedisSettings settings) {
    ClientResources resources = Reconnection.resources();
    RedisClient client = RedisClient.create(resources, uri);
    ClientOptions.Builder options =
        ClientOptions.builder()
            // Commands wait for the reconnect (up to their timeout) rather than failing at once:
            // only so does Lettuce resend a command whose reply a dropped connection lost, which
            // the scripts' run records make harmless; rejecting would cancel it, answering 503 for
            // a write that Redis made.
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS);
    Tls.options(settings).ifPresent(options::sslOptions);
    client.setOptions(options.build());
    try {
      ServerLink link = new ServerLink(client, resources, client.connect());
      if (uri.getSentinelMasterId() != null) {
        link.sentinels = SentinelWatch.start(client, uri, link::reconnectUnlessOn);
      }
      return link;
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown();
      throw new IllegalArgumentException(RedisUris.whyNot(uri, e), e);
    }
  }

  @Override
  public RedisClusterCommands<String, String> commands() {
    return connection.sync();
  }

  /**
   * Keeps {@code cache} current: asks the server to send a message whenever another client changes
   * a key this connection read, again after every reconnection, and applies the messages as they
   * come (on Lettuce's thread, before the reply that follows them completes its command).
   */
  @Override
  public void track(ReadCache cache) {
    connection.addListener(message -> invalidate(cache, message));
    cache.retrackWith(() -> askToTrack(cache));
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            askToTrack(cache);
          }

          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            cache.lost();
          }
        });
    askToTrack(cache);
  }

  @Override
  public java.util.concurrent.CompletionStage<String> ping() {
    return connection.async().ping();
  }

  private void askToTrack(ReadCache cache) {
    connection
        .async()
        .clientTracking(TrackingArgs.Builder.enabled().noloop())
        .whenComplete(
            (ok, failure) -> {
              // Without RESP3 (or on a server without tracking) the copy stays unused.
              if (failure == null) {
                cache.tracking();
              }
            });
  }

  private static void invalidate(ReadCache cache, PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
    if (content.size() < 2 || !(content.get(1) instanceof List<?> keys)) {
      cache.changedAll(); // a null list: the database was flushed
      return;
    }
    for (Object key : keys) {
      cache.changed(
          key instanceof ByteBuffer bytes ? StringCodec.UTF8.decodeKey(bytes) : (String) key);
    }
  }

  @Override
  public long awaitReplicas(String key, int replicas, long timeoutMillis) {
    return connection.sync().waitForReplication(replicas, timeoutMillis);
  }

  /**
   * Has the server close this connection ({@code CLIENT KILL ID <own id> SKIPME no}) unless it is
   * already to the new master ({@code HOST:PORT}; a connection to a master that died has
   * reconnected by itself); Lettuce reconnects, asking the Sentinels where the master is now. Does
   * not wait: it runs on Lettuce's thread.
   */
  private void reconnectUnlessOn(String newMaster) {
    String port = newMaster.substring(newMaster.lastIndexOf(':') + 1);
    connection
        .async()
        .info("server")
        .thenCompose(
            info ->
                info.contains("tcp_port:" + port + "\r")
                    ? CompletableFuture.completedFuture("already there")
                    : connection
                        .async()
                        .clientId()
                        .thenCompose(
                            id ->
                                connection
                                    .async()
                                    .clientKill(KillArgs.Builder.id(id).skipme(false))
                                    .thenApply(String::valueOf)));
  }

  @Override
  public void close() {
    if (sentinels != null) {
      sentinels.close();
    }
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown();
  }
}
