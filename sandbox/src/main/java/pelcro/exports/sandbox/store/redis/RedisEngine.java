package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
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
 * The state shared by many sandbox nodes, in Redis (through Lettuce, one multiplexed connection; on
 * a Cluster one per master): one server, a master found through Sentinels, or a Cluster ({@link
 * RedisLink}). A value is a hash {@code {v: version, d: JSON}}; a commit is one Lua script that
 * checks every expected version and applies every write, so it is atomic across nodes. Versions
 * come from one counter (on a Cluster, one per hash tag, in the slot of the keys it versions), so a
 * key deleted and written again never shows an old version.
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
  private static final String TOUCH = script("touch.lua");

  /**
   * How long a run's outcome is kept for a resent copy: far longer than a reconnect and a command
   * timeout, short enough that the records stay few.
   */
  private static final Duration RUN_RECORD = Duration.ofMinutes(2);

  private final RedisLink link;
  private final RedisClusterCommands<String, String> redis;
  private final String prefix;
  private final String commitSha;
  private final String incrementSha;
  private final String readSha;
  private final String touchSha;
  private final int waitReplicas;
  private final long waitMillis;

  /** Whether Redis is a Cluster: each script on one slot, versions counted per hash tag. */
  private final boolean sharded;

  /** This engine's part of every run's id, so that nodes never share one. */
  private final String runs = UUID.randomUUID().toString();

  private final AtomicLong run = new AtomicLong();

  /**
   * What this node read, kept current by Redis' invalidation messages; null on a Cluster (every
   * read goes to Redis there).
   */
  private final ReadCache cache;

  /** What a read served from {@link #cache} passes first; null on a Cluster. */
  private final Fence fence;

  /** At most this many keys are held; more empties the copy (it fills again as requests read). */
  private static final int CACHE_CAPACITY = 200_000;

  private RedisEngine(RedisLink link, String prefix, int waitReplicas, Duration timeout) {
    this.link = link;
    this.sharded = link instanceof ClusterLink;
    this.redis = link.commands();
    this.prefix = prefix;
    this.waitReplicas = waitReplicas;
    // WAIT must give up before the command times out, so that its answer is read, not lost.
    this.waitMillis = Math.max(1, timeout.toMillis() - Math.min(250, timeout.toMillis() / 4));
    this.commitSha = redis.scriptLoad(COMMIT);
    this.incrementSha = redis.scriptLoad(INCREMENT);
    this.readSha = redis.scriptLoad(READ);
    this.touchSha = redis.scriptLoad(TOUCH);
    this.cache = sharded ? null : new ReadCache(CACHE_CAPACITY);
    // Half the command timeout: a read that waited for its fence and then for a command of its
    // own still answers (503 when Redis is away) within the 2 s a client is promised.
    this.fence = sharded ? null : new Fence(link::ping, Math.max(1, timeout.toMillis() / 2));
    if (cache != null) {
      link.track(cache);
    }
  }

  /**
   * Connects to {@code redis://HOST:PORT[/DB]} (or another form {@link RedisUris} reads), trusting
   * the JVM's certificates and waiting for no replica.
   *
   * @param timeout how long one call may take before the node answers 503
   */
  public static RedisEngine connect(String uri, String prefix, Duration timeout) {
    return connect(uri, prefix, timeout, RedisSettings.DEFAULTS);
  }

  /**
   * Connects to {@code redis://HOST:PORT[/DB]}, {@code rediss://…}, {@code
   * redis-sentinel://HOST:PORT[,HOST:PORT...][/DB]#MASTER} or {@code
   * redis-cluster://HOST:PORT[,HOST:PORT...]}.
   *
   * @param timeout how long one call may take before the node answers 503
   */
  public static RedisEngine connect(
      String uri, String prefix, Duration timeout, RedisSettings settings) {
    RedisLink link;
    if (RedisUris.cluster(uri)) {
      List<RedisURI> seeds = RedisUris.parseCluster(uri);
      seeds.forEach(seed -> seed.setTimeout(timeout));
      link = ClusterLink.open(seeds, settings);
    } else {
      RedisURI redisUri = RedisUris.parse(uri);
      redisUri.setTimeout(timeout);
      link = ServerLink.open(redisUri, settings);
    }
    try {
      return new RedisEngine(link, prefix, settings.waitReplicas(), timeout);
    } catch (RedisException e) {
      link.close();
      throw new IllegalArgumentException("cannot use Redis: " + RedisUris.rootMessage(e), e);
    }
  }

  @Override
  public <T> Versioned<T> get(String key, Codec<T> codec) {
    String redisKey = valueKey(key);
    Stored current = current(() -> held(redisKey) instanceof Stored held ? held : null);
    if (current != null) {
      return current.as(codec);
    }
    long since = begin();
    List<KeyValue<String, String>> fields = send(() -> redis.hmget(redisKey, "v", "d"));
    Stored stored = stored(fields.get(0).getValueOrElse(null), fields.get(1).getValueOrElse(null));
    keep(since, redisKey, redisKey, stored);
    return stored.as(codec);
  }

  /**
   * On a Cluster, the commit proper (the expected keys' slot) in one script, then the writes to
   * other slots ({@link SlotSplit}); on one server, the whole commit in one script. A commit over
   * several slots gives each slot's values a version of that slot's counter: it answers {@link
   * #SEVERAL_VERSIONS}.
   */
  @Override
  public long commitAt(Transaction tx) {
    if (!sharded) {
      return commitInOneScript(tx);
    }
    List<Transaction> parts =
        SlotSplit.parts(
            tx, key -> prefix + "h:" + key, index -> prefix + "z:" + index, this::counterKey);
    long version = SEVERAL_VERSIONS; // nothing expected, nothing written
    for (Transaction part : parts) {
      version = commitInOneScript(part);
      if (version == 0 && SlotSplit.decides(part)) {
        return 0;
      }
    }
    return parts.size() == 1 ? version : SEVERAL_VERSIONS;
  }

  private long commitInOneScript(Transaction tx) {
    String first = firstKey(tx);
    List<String> keys = new ArrayList<>();
    List<String> args =
        new ArrayList<>(
            List.of(
                Integer.toString(tx.expected().size()),
                Integer.toString(tx.puts().size()),
                Integer.toString(tx.deletes().size()),
                Integer.toString(tx.indexChanges().size()),
                versions(first),
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
      args.add(
          change.score() == null
              ? ""
              : (change.existing() ? "xx" : "") + Double.toString(change.score()));
    }
    tx.expectedCounters()
        .forEach(
            (key, value) -> {
              keys.add(counterKey(key));
              args.add(Long.toString(value));
            });
    tx.counterAdds()
        .forEach(
            (key, by) -> {
              keys.add(counterKey(key));
              args.add(Long.toString(by));
            });
    tx.counterDeletes().forEach(key -> keys.add(counterKey(key)));
    keys.add(nextRun(first));
    long since = begin();
    Long version =
        send(
            () ->
                runScript(
                    commitSha, COMMIT, keys.toArray(String[]::new), args.toArray(String[]::new)));
    if (version == null || version == 0) {
      return 0;
    }
    wrote(since, tx, version);
    awaitReplicas(keys.get(0));
    return version;
  }

  /**
   * On one server, everything in one script; on a Cluster, where one script reads one slot, each
   * key with a command of its own (the rate window then counts on its own: no increment here).
   */
  @Override
  public Batch.Result read(Batch batch) {
    if (sharded) {
      return ClusterReads.read(this, batch);
    }
    Batch.Result held = CachedReads.answer(this, batch);
    return held != null ? held : readInOneScript(batch);
  }

  private Batch.Result readInOneScript(Batch batch) {
    long since = begin();
    List<String> keys = new ArrayList<>();
    batch.values().forEach(key -> keys.add(prefix + "h:" + key));
    batch.follows().forEach(follow -> keys.add(prefix + "h:" + follow.key()));
    batch.counters().forEach(key -> keys.add(counterKey(key)));
    batch.sizes().forEach(index -> keys.add(prefix + "z:" + index));
    batch.members().forEach(index -> keys.add(prefix + "z:" + index));
    for (Batch.Touch touch : batch.touches()) {
      keys.add(prefix + "h:" + touch.key());
      keys.add(prefix + "z:" + touch.index());
    }
    for (Batch.Count count : batch.counts()) {
      keys.add(counterKey(count.key()));
      keys.add(nextRun(counterKey(count.key())));
    }
    batch.lowest().forEach(asked -> keys.add(indexKey(asked.index())));
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
                Integer.toString(batch.members().size()),
                Integer.toString(batch.touches().size()),
                Integer.toString(batch.counts().size()),
                Integer.toString(batch.lowest().size())));
    for (Batch.Follow follow : batch.follows()) {
      args.add(prefix + "h:" + follow.prefix());
      args.add(follow.suffix());
    }
    for (Batch.Touch touch : batch.touches()) {
      args.add(Double.toString(touch.since()));
      args.add(Double.toString(touch.score()));
    }
    for (Batch.Count count : batch.counts()) {
      args.add(Long.toString(count.by()));
      args.add(count.ttl() == null ? "0" : Long.toString(count.ttl().toMillis()));
    }
    for (Batch.Lowest asked : batch.lowest()) {
      args.add(Double.toString(asked.atMost()));
      args.add(Integer.toString(asked.limit()));
    }
    if (increment != null) {
      keys.add(counterKey(increment.key()));
      keys.add(nextRun(counterKey(increment.key())));
      increment
          .ifCounters()
          .forEach(
              (key, value) -> {
                keys.add(counterKey(key));
                args.add(Long.toString(value));
              });
    }
    List<Object> out =
        send(
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
    Map<String, Double> touched = new HashMap<>();
    for (Batch.Touch touch : batch.touches()) {
      Object score = out.get(at++);
      if (score != null) {
        touched.put(touch.index(), Double.valueOf((String) score));
      }
    }
    Map<String, Long> counted = new HashMap<>();
    for (Batch.Count count : batch.counts()) {
      counted.put(count.key(), ((Number) out.get(at++)).longValue());
    }
    Map<String, List<String>> lowest = new HashMap<>();
    for (Batch.Lowest asked : batch.lowest()) {
      @SuppressWarnings("unchecked")
      List<String> found = (List<String>) out.get(at++);
      lowest.put(asked.index(), found);
    }
    Object incremented = out.get(at);
    Batch.Result result =
        new Batch.Result(
            values,
            counters,
            sizes,
            members,
            incremented == null ? null : ((Number) incremented).longValue(),
            touched,
            counted,
            lowest);
    batch.touches().forEach(touch -> changed(indexKey(touch.index())));
    batch.counts().forEach(count -> changed(counterKey(count.key())));
    if (increment != null) {
      changed(counterKey(increment.key()));
    }
    CachedReads.keep(this, since, batch, result);
    return result;
  }

  /**
   * A touch of a member on its own ({@link ClusterReads}): its score, set to {@code score} if it
   * was above {@code since}, in one script on the index's slot.
   */
  Double touch(String index, String member, double score, double since) {
    String old =
        send(
            () ->
                runScript(
                    touchSha,
                    TOUCH,
                    ScriptOutputType.VALUE,
                    new String[] {indexKey(index)},
                    member,
                    Double.toString(since),
                    Double.toString(score)));
    changed(indexKey(index));
    return old == null ? null : Double.valueOf(old);
  }

  static Stored stored(Object version, Object data) {
    return version == null || data == null
        ? Stored.ABSENT
        : new Stored(null, (String) data, Long.parseLong((String) version));
  }

  /** The Redis key of a counter. */
  String counterKey(String key) {
    return prefix + "n:" + key;
  }

  /** The Redis key of a value. */
  String valueKey(String key) {
    return prefix + "h:" + key;
  }

  /** The Redis key of an index. */
  String indexKey(String index) {
    return prefix + "z:" + index;
  }

  /** The lowest members of an index, on their own ({@link ClusterReads}). */
  List<String> lowest(Batch.Lowest asked) {
    return send(
        () ->
            redis.zrangebyscore(
                indexKey(asked.index()),
                Range.create(Double.NEGATIVE_INFINITY, asked.atMost()),
                Limit.create(0, asked.limit())));
  }

  /** The commands, for {@link ClusterReads}. */
  RedisClusterCommands<String, String> commands() {
    return redis;
  }

  @Override
  public long increment(String key, long by, Duration ttl) {
    long ttlMillis = ttl == null ? 0 : ttl.toMillis();
    long value =
        send(
            () ->
                runScript(
                    incrementSha,
                    INCREMENT,
                    new String[] {prefix + "n:" + key, nextRun(prefix + "n:" + key)},
                    Long.toString(by),
                    Long.toString(ttlMillis),
                    Long.toString(RUN_RECORD.toMillis())));
    changed(counterKey(key));
    awaitReplicas(prefix + "n:" + key);
    return value;
  }

  @Override
  public long counter(String key) {
    return counters(List.of(key)).get(0);
  }

  @Override
  public List<Long> counters(List<String> keys) {
    List<Long> held = current(() -> heldCounters(keys));
    if (held != null) {
      return held;
    }
    long since = begin();
    List<KeyValue<String, String>> values =
        send(() -> redis.mget(keys.stream().map(this::counterKey).toArray(String[]::new)));
    List<Long> read =
        values.stream().map(v -> v.hasValue() ? Long.parseLong(v.getValue()) : 0L).toList();
    for (int i = 0; i < keys.size(); i++) {
      keep(since, counterKey(keys.get(i)), counterKey(keys.get(i)), read.get(i));
    }
    return read;
  }

  @Override
  public void deleteCounters(List<String> keys) {
    if (!keys.isEmpty()) {
      send(() -> redis.del(keys.stream().map(this::counterKey).toArray(String[]::new)));
      keys.forEach(key -> changed(counterKey(key)));
    }
  }

  @Override
  public List<String> range(String index, boolean highestFirst, int limit) {
    Range<Double> all = Range.unbounded();
    Limit upTo = Limit.create(0, limit);
    String key = prefix + "z:" + index;
    return send(
        () ->
            highestFirst
                ? redis.zrevrangebyscore(key, all, upTo)
                : redis.zrangebyscore(key, all, upTo));
  }

  @Override
  public Optional<Double> score(String index, String member) {
    return Optional.ofNullable(send(() -> redis.zscore(prefix + "z:" + index, member)));
  }

  @Override
  public long size(String index) {
    String key = indexKey(index);
    Long held = current(() -> held(key + ReadCache.SIZE) instanceof Long size ? size : null);
    if (held != null) {
      return held;
    }
    long since = begin();
    long size = send(() -> redis.zcard(key));
    keep(since, key, key + ReadCache.SIZE, size);
    return size;
  }

  @Override
  public void clear() {
    send(
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
    if (cache != null) {
      cache.changedAll();
    }
  }

  @Override
  public boolean oneStepAcrossTags() {
    return !sharded;
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
    link.close();
  }

  /**
   * With {@code --state-wait-replicas N}: waits until N replicas have the write just made (to the
   * server that holds {@code key}), so that a failover to one of them cannot lose it; when they do
   * not have it in time the request is answered 503, as for any write whose outcome is unknown.
   */
  private void awaitReplicas(String key) {
    if (waitReplicas == 0) {
      return;
    }
    long reached = send(() -> link.awaitReplicas(key, waitReplicas, waitMillis));
    if (reached < waitReplicas) {
      throw new StateUnavailable(
          "Redis: the write reached "
              + reached
              + " of "
              + waitReplicas
              + " replicas within "
              + waitMillis
              + " ms (--state-wait-replicas)",
          null);
    }
  }

  /**
   * The key under which the next script run records its outcome; on a Cluster in the slot of {@code
   * redisKey}, the script's first key.
   */
  private String nextRun(String redisKey) {
    String record = prefix + "run:" + runs + ":" + run.incrementAndGet();
    return sharded ? record + "{" + SlotSplit.tag(redisKey) + "}" : record;
  }

  /**
   * The counter a commit's versions come from: one for all on one server; on a Cluster one per hash
   * tag (the script's keys share one), in its slot.
   */
  private String versions(String redisKey) {
    return sharded ? prefix + "versions{" + SlotSplit.tag(redisKey) + "}" : prefix + "versions";
  }

  /** The Redis key of the first key a commit names (it decides the slot on a Cluster). */
  private String firstKey(Transaction tx) {
    if (!tx.expected().isEmpty()) {
      return prefix + "h:" + tx.expected().keySet().iterator().next();
    }
    if (!tx.puts().isEmpty()) {
      return prefix + "h:" + tx.puts().get(0).key();
    }
    if (!tx.deletes().isEmpty()) {
      return prefix + "h:" + tx.deletes().get(0);
    }
    if (!tx.indexChanges().isEmpty()) {
      return prefix + "z:" + tx.indexChanges().get(0).index();
    }
    if (!tx.expectedCounters().isEmpty()) {
      return counterKey(tx.expectedCounters().keySet().iterator().next());
    }
    if (!tx.counterAdds().isEmpty()) {
      return counterKey(tx.counterAdds().keySet().iterator().next());
    }
    if (!tx.counterDeletes().isEmpty()) {
      return counterKey(tx.counterDeletes().get(0));
    }
    return prefix + "versions";
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

  /** What this node holds for {@code entry} (see {@link ReadCache}), or null. */
  Object held(String entry) {
    return cache == null ? null : cache.get(entry);
  }

  /**
   * What {@code lookup} finds in this node's copy, brought up to this instant first ({@link
   * Fence}); null when it finds nothing (not everything held), which needs no fence: the read goes
   * to Redis. Looked up again after the fence, since a message may have dropped a key meanwhile.
   */
  <T> T current(Supplier<T> lookup) {
    if (cache == null || lookup.get() == null) {
      return null;
    }
    send(
        () -> {
          fence.pass();
          return null;
        });
    return lookup.get();
  }

  private List<Long> heldCounters(List<String> keys) {
    List<Long> held = new ArrayList<>(keys.size());
    for (String key : keys) {
      if (!(held(counterKey(key)) instanceof Long value)) {
        return null;
      }
      held.add(value);
    }
    return held;
  }

  /** The tick a read about to be sent gives {@link #keep}. */
  long begin() {
    return cache == null ? 0 : cache.begin();
  }

  /** Keeps what a read sent at {@code since} brought, unless its key changed since. */
  void keep(long since, String redisKey, String entry, Object value) {
    if (cache != null) {
      cache.keep(since, redisKey, entry, value);
    }
  }

  /**
   * What an applied commit wrote, sent at {@code since}, into the node's copy: the values with the
   * version the commit gave them, the indexes and counters only dropped (their new contents are not
   * known here).
   */
  private void wrote(long since, Transaction tx, long version) {
    if (cache == null) {
      return;
    }
    // What is only dropped goes first: a reader that sees one of the commit's values then finds
    // none of its other changes held (a count of members next to the counter guarding it).
    for (Transaction.IndexChange change : tx.indexChanges()) {
      if (change.existing()) {
        cache.reordered(indexKey(change.index()));
      } else {
        changed(indexKey(change.index()));
      }
    }
    tx.counterAdds().keySet().forEach(key -> changed(counterKey(key)));
    tx.counterDeletes().forEach(key -> changed(counterKey(key)));
    tx.deletes().forEach(key -> cache.wrote(since, valueKey(key), Stored.ABSENT));
    for (Transaction.Put put : tx.puts()) {
      cache.wrote(since, valueKey(put.key()), new Stored(put.value(), encode(put), version));
    }
  }

  /**
   * This node wrote {@code redisKey}: Redis sends the writer no message about it ({@code NOLOOP}),
   * so the node drops its copy itself.
   */
  private void changed(String redisKey) {
    if (cache != null) {
      cache.changed(redisKey);
    }
  }

  /**
   * {@link #call}, on this engine's connection: a failed call may have written (its reply lost), so
   * the node's copy is left unused until Redis has run it or dropped it.
   */
  private <T> T send(Supplier<T> command) {
    try {
      return call(command);
    } catch (StateUnavailable e) {
      if (cache != null) {
        cache.unsure();
      }
      throw e;
    }
  }

  /** One Redis call; an unreachable or failing Redis becomes {@link StateUnavailable}. */
  static <T> T call(Supplier<T> command) {
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
