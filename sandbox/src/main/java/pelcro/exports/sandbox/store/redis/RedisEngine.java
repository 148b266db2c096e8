package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The state shared by many sandbox nodes, in Redis (through Lettuce, one multiplexed
 * connection). A value is a hash {@code {v: version, d: JSON}}; a commit is one Lua script that
 * checks every expected version and applies every write, so it is atomic across nodes. Versions
 * come from one counter, so a key deleted and written again never shows an old version.
 *
 * <p>Every key starts with the prefix (default {@code exports-sandbox:}), so one Redis database
 * can hold other things too, and a whole reset deletes only the sandbox's keys. When Redis cannot
 * be reached, calls fail with {@link StateUnavailable} (the API answers 503) and Lettuce
 * reconnects by itself.
 */
public final class RedisEngine implements StateEngine {
  private static final String COMMIT = script("commit.lua");
  private static final String INCREMENT = script("increment.lua");

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String prefix;
  private final String commitSha;
  private final String incrementSha;

  private RedisEngine(RedisClient client, StatefulRedisConnection<String, String> connection,
      String prefix) {
    this.client = client;
    this.connection = connection;
    this.redis = connection.sync();
    this.prefix = prefix;
    this.commitSha = redis.scriptLoad(COMMIT);
    this.incrementSha = redis.scriptLoad(INCREMENT);
  }

  /**
   * Connects to {@code redis://HOST:PORT[/DB]}.
   *
   * @param timeout how long one call may take before the node answers 503
   */
  public static RedisEngine connect(String uri, String prefix, Duration timeout) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(timeout);
    RedisClient client = RedisClient.create(redisUri);
    try {
      return new RedisEngine(client, client.connect(), prefix);
    } catch (RedisException e) {
      client.shutdown();
      throw new IllegalArgumentException("cannot reach Redis at " + uri + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> Versioned<T> get(String key, Codec<T> codec) {
    List<io.lettuce.core.KeyValue<String, String>> fields =
        call(() -> redis.hmget(prefix + "h:" + key, "v", "d"));
    String version = fields.get(0).getValueOrElse(null);
    String data = fields.get(1).getValueOrElse(null);
    return version == null || data == null ? Versioned.absent()
        : new Versioned<>(codec.decode(data), Long.parseLong(version));
  }

  @Override
  public boolean commit(Transaction tx) {
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of(
        Integer.toString(tx.expected().size()), Integer.toString(tx.puts().size()),
        Integer.toString(tx.deletes().size()), Integer.toString(tx.indexChanges().size()),
        prefix + "versions"));
    tx.expected().forEach((key, version) -> {
      keys.add(prefix + "h:" + key);
      args.add(Long.toString(version));
    });
    for (Transaction.Put put : tx.puts()) {
      keys.add(prefix + "h:" + put.key());
      args.add(encode(put));
    }
    tx.deletes().forEach(key -> keys.add(prefix + "h:" + key));
    for (Transaction.IndexChange change : tx.indexChanges()) {
      keys.add(prefix + "z:" + change.index());
      args.add(change.member());
      args.add(change.score() == null ? "" : Double.toString(change.score()));
    }
    Long applied = call(() -> runScript(commitSha, COMMIT,
        keys.toArray(String[]::new), args.toArray(String[]::new)));
    return applied != null && applied == 1;
  }

  @Override
  public long increment(String key, long by, Duration ttl) {
    long ttlMillis = ttl == null ? 0 : ttl.toMillis();
    return call(() -> runScript(incrementSha, INCREMENT,
        new String[] {prefix + "n:" + key}, Long.toString(by), Long.toString(ttlMillis)));
  }

  @Override
  public long counter(String key) {
    String value = call(() -> redis.get(prefix + "n:" + key));
    return value == null ? 0 : Long.parseLong(value);
  }

  @Override
  public void deleteCounters(List<String> keys) {
    if (!keys.isEmpty()) {
      call(() -> redis.del(keys.stream().map(k -> prefix + "n:" + k).toArray(String[]::new)));
    }
  }

  @Override
  public List<String> range(String index, boolean highestFirst, int limit) {
    Range<Double> all = Range.unbounded();
    Limit upTo = Limit.create(0, limit);
    String key = prefix + "z:" + index;
    return call(() -> highestFirst ? redis.zrevrangebyscore(key, all, upTo)
        : redis.zrangebyscore(key, all, upTo));
  }

  @Override
  public Optional<Double> score(String index, String member) {
    return Optional.ofNullable(call(() -> redis.zscore(prefix + "z:" + index, member)));
  }

  @Override
  public long size(String index) {
    return call(() -> redis.zcard(prefix + "z:" + index));
  }

  @Override
  public void clear() {
    call(() -> {
      KeyScanArgs mine = KeyScanArgs.Builder.matches(prefix + "*").limit(500);
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = redis.scan(cursor, mine);
        if (!page.getKeys().isEmpty()) {
          redis.unlink(page.getKeys().toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
      return null;
    });
  }

  @Override
  public boolean available() {
    try {
      return "PONG".equals(redis.ping());
    } catch (RedisException e) {
      return false;
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  /**
   * Runs a loaded script. A Redis restarted without its script cache (or flushed with SCRIPT
   * FLUSH) answers NOSCRIPT, which means the script did not run: it is loaded again and run once.
   */
  private Long runScript(String sha, String source, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
    } catch (RedisNoScriptException e) {
      redis.scriptLoad(source);
      return redis.evalsha(sha, ScriptOutputType.INTEGER, keys, args);
    }
  }

  @SuppressWarnings("unchecked")
  private static String encode(Transaction.Put put) {
    return ((Codec<Object>) put.codec()).encode(put.value());
  }

  /** One Redis call; an unreachable or failing Redis becomes {@link StateUnavailable}. */
  private static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException e) {
      throw new StateUnavailable("Redis: " + e.getMessage(), e);
    }
  }

  private static String script(String name) {
    try (InputStream in = RedisEngine.class.getClassLoader()
        .getResourceAsStream("sandbox/redis/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sandbox/redis/" + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
