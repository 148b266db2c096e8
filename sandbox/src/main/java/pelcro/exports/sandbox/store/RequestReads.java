package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Stored;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * What one request has read, kept until it ends: everything it will need is read first, together,
 * in one round trip ({@link #prefetch}, planned by {@link RequestPlans}): the sandbox clock's
 * offset, the account's, whether any fault is scheduled, and the values its kind of request decides
 * on. A request happens at one instant, so it sees one time and one fault flag throughout; the next
 * request reads them afresh, so no node ever serves another node's change late. Outside a request
 * (background work, tests) every read goes to the engine.
 *
 * <p>A value the request writes is kept as written, with the version its commit gave it, so the
 * next step of the request (a download's confirmation after its claim) expects it without reading
 * it back; a commit that lost a race forgets what it expected, so the retry reads the winner's
 * value (compare-and-set keeps every rule atomic whatever a read returned). A change made by the
 * request itself (a clock advanced, a fault added) replaces or drops the value kept, so the rest of
 * the request sees it.
 */
public final class RequestReads {
  private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

  private RequestReads() {}

  /** What one request has read so far. */
  private static final class Kept implements Carried {
    final Map<String, Long> counters = new HashMap<>();
    final Map<String, Long> sizes = new HashMap<>();
    final Map<String, Long> incremented = new HashMap<>();
    final Map<String, List<String>> members = new HashMap<>();

    /** Indexes' lowest members, as a batch read them (each taken once). */
    final Map<String, List<String>> lowest = new HashMap<>();

    /** {@link Versioned} once decoded, {@link Stored} until then. */
    final Map<String, Object> values = new HashMap<>();

    /** The version each value this request wrote was given by its commit. */
    final Map<String, Long> written = new HashMap<>();

    /** Writes left for the commit that ends the request later; null: none is coming. */
    List<Deferred> deferred;
  }

  /** A write that reads what it changes (through the request's reads) and adds it to a commit. */
  interface Deferred {
    void addTo(Transaction tx);
  }

  /**
   * The request will end in a commit of its own after it has been answered (a download's
   * confirmation once its last byte is written): writes it would make on the side (the lint's
   * notes) wait for that commit instead of making one more.
   */
  public static void endsLater() {
    Kept kept = KEPT.get();
    if (kept != null && kept.deferred == null) {
      kept.deferred = new ArrayList<>();
    }
  }

  /** Leaves {@code write} to the request's later commit; false when none is coming. */
  static boolean defer(Deferred write) {
    Kept kept = KEPT.get();
    if (kept == null || kept.deferred == null) {
      return false;
    }
    kept.deferred.add(write);
    return true;
  }

  /**
   * Adds the writes left for the request's later commit to {@code tx} (the commit that ends it).
   */
  static void addDeferred(Transaction tx) {
    Kept kept = KEPT.get();
    if (kept != null && kept.deferred != null) {
      kept.deferred.forEach(write -> write.addTo(tx));
    }
  }

  /** The request's later commit applied: its deferred writes are made. */
  static void deferredDone() {
    Kept kept = KEPT.get();
    if (kept != null) {
      kept.deferred = null;
    }
  }

  /** A request's reads, carried to work that ends it later (a download's confirmation). */
  public interface Carried {}

  /** A request begins on this thread; {@link Scope#close} ends it. */
  public static Scope open() {
    return resume(new Kept());
  }

  /** The reads of the request running on this thread, to carry to what ends it; null outside. */
  public static Carried carry() {
    return KEPT.get();
  }

  /** Continues with a request's reads (carried from it) until the scope closes. */
  public static Scope resume(Carried carried) {
    Kept outer = KEPT.get();
    KEPT.set(carried == null ? new Kept() : (Kept) carried);
    return () -> KEPT.set(outer);
  }

  /** Reads {@code batch} in one round trip and keeps what it read for the rest of the request. */
  static void prefetch(StateEngine engine, Batch batch) {
    if (KEPT.get() != null) {
      read(engine, batch);
    }
  }

  /**
   * Reads {@code batch} in one round trip, inside a request or not (a batch that also writes, a
   * touch, is never skipped), and keeps what it read for the rest of the request.
   */
  static Batch.Result read(StateEngine engine, Batch batch) {
    Batch.Result read = engine.read(batch);
    Kept kept = KEPT.get();
    if (kept == null) {
      return read;
    }
    kept.values.putAll(read.values());
    kept.counters.putAll(read.counters());
    kept.sizes.putAll(read.sizes());
    kept.members.putAll(read.members());
    if (read.incremented() != null) {
      kept.incremented.put(batch.increment().key(), read.incremented());
    }
    kept.incremented.putAll(read.counted());
    kept.lowest.putAll(read.lowest());
    // A touch moved a member: the index is read again if the request wants it.
    batch.touches().forEach(touch -> kept.members.remove(touch.index()));
    return read;
  }

  /** The value at {@code key}, read from the engine once per request. */
  @SuppressWarnings("unchecked")
  static <T> Versioned<T> get(StateEngine engine, String key, Codec<T> codec) {
    Kept kept = KEPT.get();
    if (kept == null) {
      return engine.get(key, codec);
    }
    Object value = kept.values.get(key);
    if (value instanceof Stored stored) {
      value = stored.as(codec);
      kept.values.put(key, value);
    } else if (value == null) {
      value = engine.get(key, codec);
      kept.values.put(key, value);
    }
    return (Versioned<T>) value;
  }

  /** An index's size, read from the engine once per request (until a commit changes it). */
  static long size(StateEngine engine, String index) {
    Kept kept = KEPT.get();
    if (kept == null) {
      return engine.size(index);
    }
    return kept.sizes.computeIfAbsent(index, engine::size);
  }

  /** An index's members by score, from what the request read whole, else from the engine. */
  static List<String> range(StateEngine engine, String index, boolean highestFirst, int limit) {
    Kept kept = KEPT.get();
    List<String> all = kept == null ? null : kept.members.get(index);
    if (all == null) {
      return engine.range(index, highestFirst, limit);
    }
    List<String> ordered = all;
    if (highestFirst) {
      ordered = new ArrayList<>(all);
      Collections.reverse(ordered);
    }
    return List.copyOf(ordered.subList(0, Math.min(limit, ordered.size())));
  }

  /**
   * The value the request's batch gave the counter at {@code key} when it incremented it there
   * (once: the increment belongs to one caller); null when it did not.
   */
  static Long takeIncrement(String key) {
    Kept kept = KEPT.get();
    return kept == null ? null : kept.incremented.remove(key);
  }

  /**
   * A commit was tried: what it wrote is kept as written ({@code version} > 0), or what it expected
   * is read again (0: it lost a race).
   */
  static void committed(Transaction tx, long version) {
    Kept kept = KEPT.get();
    if (kept == null) {
      return;
    }
    if (version > 0) {
      tx.puts().forEach(put -> kept.values.put(put.key(), new Versioned<>(put.value(), version)));
      tx.puts().forEach(put -> kept.written.put(put.key(), version));
      tx.deletes().forEach(key -> kept.values.put(key, Versioned.absent()));
    } else if (version == StateEngine.SEVERAL_VERSIONS) {
      tx.puts().forEach(put -> kept.values.remove(put.key()));
      tx.deletes().forEach(key -> kept.values.put(key, Versioned.absent()));
    } else {
      tx.expected().keySet().forEach(kept.values::remove);
      tx.puts().forEach(put -> kept.values.remove(put.key()));
      tx.deletes().forEach(kept.values::remove);
      tx.expectedCounters().keySet().forEach(kept.counters::remove);
    }
    tx.indexChanges().forEach(change -> kept.sizes.remove(change.index()));
    tx.indexChanges().forEach(change -> kept.members.remove(change.index()));
    tx.indexChanges().forEach(change -> kept.lowest.remove(change.index()));
    tx.counterAdds().keySet().forEach(kept.counters::remove);
    // A counter the commit deleted is absent, 0; one it did not is read again.
    tx.counterDeletes()
        .forEach(key -> kept.counters.compute(key, (k, v) -> version > 0 ? 0L : null));
  }

  /** The reads of one request; closing it forgets them. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The counter at {@code key}; within a request, kept from the request's batch, or read with
   * {@code together} (keys the request will want too) in one round trip the first time.
   */
  static long counter(StateEngine engine, String key, List<String> together) {
    Kept scope = KEPT.get();
    if (scope == null) {
      return engine.counter(key);
    }
    Map<String, Long> kept = scope.counters;
    Long value = kept.get(key);
    if (value == null) {
      List<Long> values = engine.counters(together);
      for (int i = 0; i < together.size(); i++) {
        kept.put(together.get(i), values.get(i));
      }
      value = kept.get(key);
      if (value == null) {
        value = engine.counter(key);
        kept.put(key, value);
      }
    }
    return value;
  }

  /** Whether {@code read} is the value this request itself wrote at {@code key}, as it wrote it. */
  static boolean wrote(String key, Versioned<?> read) {
    Kept kept = KEPT.get();
    Long version = kept == null ? null : kept.written.get(key);
    return version != null && version == read.version();
  }

  /**
   * The lowest members of {@code index} the request's batch read (once: they belong to one caller);
   * null when it did not, or when a commit has changed the index since.
   */
  static List<String> takeLowest(String index) {
    Kept kept = KEPT.get();
    return kept == null ? null : kept.lowest.remove(index);
  }

  /** The counter as this request last saw it, if it read it. */
  static Long seen(String key) {
    Kept kept = KEPT.get();
    return kept == null ? null : kept.counters.get(key);
  }

  /** The request reset the whole sandbox: everything is read again. */
  static void forgetAll() {
    Kept kept = KEPT.get();
    if (kept != null) {
      kept.counters.clear();
      kept.values.clear();
      kept.written.clear();
      kept.sizes.clear();
      kept.incremented.clear();
      kept.members.clear();
      kept.lowest.clear();
    }
  }

  /** The request changed the counter: the rest of it sees {@code value} (null: read again). */
  static void changed(String key, Long value) {
    Kept scope = KEPT.get();
    if (scope != null) {
      Map<String, Long> kept = scope.counters;
      if (value == null) {
        kept.remove(key);
      } else {
        kept.put(key, value);
      }
    }
  }
}
