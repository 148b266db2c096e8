package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
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
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.store.engine.Stored;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The state shared by many sandbox nodes, in Redis (through Lettuce, one multiplexed connection). A
 * value is a hash {@code {v: version, d: JSON}}; a commit is one Lua script that checks every
 * expected version and applies every write, so it is atomic across nodes. Versions come from one
 * counter, so a key deleted and written again never shows an old version.
 *
 * <p>Every key starts with the prefix (default {@code exports-sandbox:}), so one Redis database can
 * hold other things too, and a whole reset deletes only the sandbox's keys. When Redis cannot be
 * reached, calls fail with {@link StateUnavailable} after the timeout (the API answers 503), and
 * Lettuce reconnects by itself within half a second of Redis' return.
 *
 * <p>Every script that writes is idempotent: Lettuce resends a command whose reply a dropped
 * connection lost, so each run carries an id of its own under which the script records its outcome,
 * and a resent copy answers that outcome instead of deciding again (the first copy's own write
 * would otherwise look like somebody else's).
 */
public final class RedisEngine implements StateEngine {
  private static final String COMMIT = script("commit.lua");
  private static final String INCREMENT = script("increment.lua");
  private static final String READ = script("read.lua");

  /** The longest wait between two attempts to reconnect. */
  private static final Duration RECONNECT_AT_MOST = Duration.ofMillis(400);

  /**
   * How long a run's outcome is kept for a resent copy: far longer than a reconnect and a command
   * timeout, short enough that the records stay few.
   */
  private static final Duration RUN_RECORD = Duration.ofMinutes(2);

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final String prefix;
  private final String commitSha;
  private final String incrementSha;
  private final String readSha;

  /** This engine's part of every run's id, so that nodes never share one. */
  private final String runs = UUID.randomUUID().toString();

  private final AtomicLong run = new AtomicLong();
  private final ClientResources resources;

  private RedisEngine(
      RedisClient client,
      ClientResources resources,
      StatefulRedisConnection<String, String> connection,
      String prefix) {
    this.client = client;
    this.resources = resources;
    this.connection = connection;
    this.redis = connection.sync();
    this.prefix = prefix;
    this.commitSha = redis.scriptLoad(COMMIT);
    this.incrementSha = redis.scriptLoad(INCREMENT);
    this.readSha = redis.scriptLoad(READ);
  }

  /**
   * Connects to {@code redis://HOST:PORT[/DB]}.
   *
   * @param timeout how long one call may take before the node answers 503
   */
  public static RedisEngine connect(String uri, String prefix, Duration timeout) {
    RedisURI redisUri = RedisUris.parse(uri);
    redisUri.setTimeout(timeout);
    // Lettuce's default backoff grows to 30 s: a node would answer 503 long after Redis is back.
    ClientResources resources =
        ClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20), RECONNECT_AT_MOST, 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, redisUri);
    client.setOptions(
        ClientOptions.builder()
            // Commands wait for the reconnect (up to their timeout) rather than failing at once:
            // only so does Lettuce resend a command whose reply a dropped connection lost, which
            // the scripts' run records make harmless; rejecting would cancel it, answering 503 for
            // a write that Redis made.
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
            .build());
    try {
      return new RedisEngine(client, resources, client.connect(), prefix);
    } catch (RedisException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown();
      throw new IllegalArgumentException(RedisUris.whyNot(redisUri, e), e);
    }
  }

  @Override
  public <T> Versioned<T> get(String key, Codec<T> codec) {
    List<KeyValue<String, String>> fields = call(() -> redis.hmget(prefix + "h:" + key, "v", "d"));
    String version = fields.get(0).getValueOrElse(null);
    String data = fields.get(1).getValueOrElse(null);
    return version == null || data == null
        ? Versioned.absent()
        : new Versioned<>(codec.decode(data), Long.parseLong(version));
  }

  @Override
  public long commitAt(Transaction tx) {
    List<String> keys = new ArrayList<>();
    List<String> args =
        new ArrayList<>(
            List.of(
                Integer.toString(tx.expected().size()),
                Integer.toString(tx.puts().size()),
                Integer.toString(tx.deletes().size()),
                Integer.toString(tx.indexChanges().size()),
                prefix + "versions",
                Long.toString(RUN_RECORD.toMillis()),
                Integer.toString(tx.expectedCounters().size()),
                Integer.toString(tx.counterAdds().size()),
                Integer.toString(tx.counterDeletes().size())));
    tx.expected()
        .forEach(
            (key, version) -> {
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
    tx.expectedCounters()
        .forEach(
            (key, value) -> {
              keys.add(prefix + "n:" + key);
              args.add(Long.toString(value));
            });
    tx.counterAdds()
        .forEach(
            (key, by) -> {
              keys.add(prefix + "n:" + key);
              args.add(Long.toString(by));
            });
    tx.counterDeletes().forEach(key -> keys.add(prefix + "n:" + key));
    keys.add(nextRun());
    Long version =
        call(
            () ->
                runScript(
                    commitSha, COMMIT, keys.toArray(String[]::new), args.toArray(String[]::new)));
    return version == null ? 0 : version;
  }

  @Override
  public Batch.Result read(Batch batch) {
    List<String> keys = new ArrayList<>();
    batch.values().forEach(key -> keys.add(prefix + "h:" + key));
    batch.follows().forEach(follow -> keys.add(prefix + "h:" + follow.key()));
    batch.counters().forEach(key -> keys.add(prefix + "n:" + key));
    batch.sizes().forEach(index -> keys.add(prefix + "z:" + index));
    batch.members().forEach(index -> keys.add(prefix + "z:" + index));
    Batch.Increment increment = batch.increment();
    List<String> args =
        new ArrayList<>(
            List.of(
                Integer.toString(batch.values().size()),
                Integer.toString(batch.follows().size()),
                Integer.toString(batch.counters().size()),
                Integer.toString(batch.sizes().size()),
                increment == null ? "0" : "1",
                increment == null ? "0" : Long.toString(increment.by()),
                increment == null || increment.ttl() == null
                    ? "0"
                    : Long.toString(increment.ttl().toMillis()),
                Long.toString(RUN_RECORD.toMillis()),
                Integer.toString(increment == null ? 0 : increment.ifCounters().size()),
                Integer.toString(batch.members().size())));
    batch.follows().forEach(follow -> args.add(prefix + "h:" + follow.prefix()));
    if (increment != null) {
      keys.add(prefix + "n:" + increment.key());
      keys.add(nextRun());
      increment
          .ifCounters()
          .forEach(
              (key, value) -> {
                keys.add(prefix + "n:" + key);
                args.add(Long.toString(value));
              });
    }
    List<Object> out =
        call(
            () ->
                runScript(
                    readSha,
                    READ,
                    ScriptOutputType.MULTI,
                    keys.toArray(String[]::new),
                    args.toArray(String[]::new)));
    int at = 0;
    Map<String, Stored> values = new HashMap<>();
    for (String key : batch.values()) {
      values.put(key, stored(out.get(at), out.get(at + 1)));
      at += 2;
    }
    String hashes = prefix + "h:";
    for (Batch.Follow follow : batch.follows()) {
      values.put(follow.key(), stored(out.get(at), out.get(at + 1)));
      Object named = out.get(at + 2);
      if (named != null) {
        values.put(
            ((String) named).substring(hashes.length()), stored(out.get(at + 3), out.get(at + 4)));
      }
      at += 5;
    }
    Map<String, Long> counters = new HashMap<>();
    for (String key : batch.counters()) {
      Object value = out.get(at++);
      counters.put(key, value == null ? 0L : Long.parseLong((String) value));
    }
    Map<String, Long> sizes = new HashMap<>();
    for (String index : batch.sizes()) {
      sizes.put(index, (Long) out.get(at++));
    }
    Map<String, List<String>> members = new HashMap<>();
    for (String index : batch.members()) {
      @SuppressWarnings("unchecked")
      List<String> all = (List<String>) out.get(at++);
      members.put(index, all);
    }
    Object incremented = out.get(at);
    return new Batch.Result(
        values,
        counters,
        sizes,
        members,
        incremented == null ? null : ((Number) incremented).longValue());
  }

  private static Stored stored(Object version, Object data) {
    return version == null || data == null
        ? Stored.ABSENT
        : new Stored(null, (String) data, Long.parseLong((String) version));
  }

  @Override
  public long increment(String key, long by, Duration ttl) {
    long ttlMillis = ttl == null ? 0 : ttl.toMillis();
    return call(
        () ->
            runScript(
                incrementSha,
                INCREMENT,
                new String[] {prefix + "n:" + key, nextRun()},
                Long.toString(by),
                Long.toString(ttlMillis),
                Long.toString(RUN_RECORD.toMillis())));
  }

  @Override
  public long counter(String key) {
    String value = call(() -> redis.get(prefix + "n:" + key));
    return value == null ? 0 : Long.parseLong(value);
  }

  @Override
  public List<Long> counters(List<String> keys) {
    List<KeyValue<String, String>> values =
        call(() -> redis.mget(keys.stream().map(k -> prefix + "n:" + k).toArray(String[]::new)));
    return values.stream().map(v -> v.hasValue() ? Long.parseLong(v.getValue()) : 0L).toList();
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
    return call(
        () ->
            highestFirst
                ? redis.zrevrangebyscore(key, all, upTo)
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
    call(
        () -> {
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
  public Optional<String> unreachable() {
    try {
      redis.ping();
      return Optional.empty();
    } catch (RedisException e) {
      return Optional.of("Redis does not answer: " + RedisUris.rootMessage(e));
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown();
  }

  /** The key under which the next script run records its outcome. */
  private String nextRun() {
    return prefix + "run:" + runs + ":" + run.incrementAndGet();
  }

  /**
   * Runs a loaded script. A Redis restarted without its script cache (or flushed with SCRIPT FLUSH)
   * answers NOSCRIPT, which means the script did not run: it is loaded again and run once.
   */
  private Long runScript(String sha, String source, String[] keys, String... args) {
    return runScript(sha, source, ScriptOutputType.INTEGER, keys, args);
  }

  private <T> T runScript(
      String sha, String source, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(sha, type, keys, args);
    } catch (RedisNoScriptException e) {
      redis.scriptLoad(source);
      return redis.evalsha(sha, type, keys, args);
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
    try (InputStream in =
        RedisEngine.class.getClassLoader().getResourceAsStream("sandbox/redis/" + name)) {
      if (in == null) {
        throw new IllegalStateException("sandbox/redis/" + name + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
