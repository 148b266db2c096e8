package pelcro.exports.sandbox.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The values every request reads, read once per request: the sandbox clock's offset, the account's
 * clock offset and whether any fault is scheduled, fetched together in one round trip the first
 * time one is needed and kept until the request ends. A request happens at one instant, so it sees
 * one time and one fault flag throughout; the next request reads them afresh, so no node ever
 * serves another node's change late. Outside a request (background work, tests) every read goes to
 * the engine.
 *
 * <p>A change made by the request itself (a clock advanced, a fault added) replaces or drops the
 * value kept, so the rest of the request sees it.
 *
 * <p>Values (jobs, lint notes, ...) read twice in one request are read from the engine once, too; a
 * commit drops every key it expected or wrote, so a commit that lost a race reads the winner's
 * value when it tries again (compare-and-set keeps every rule atomic whatever a read returned).
 */
public final class RequestReads {
  private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

  private RequestReads() {}

  /** What one request has read so far. */
  private static final class Kept {
    final Map<String, Long> counters = new HashMap<>();
    final Map<String, Versioned<?>> values = new HashMap<>();
  }

  /** A request begins on this thread; {@link Scope#close} ends it. */
  public static Scope open() {
    Kept outer = KEPT.get();
    KEPT.set(new Kept());
    return () -> KEPT.set(outer);
  }

  /** The value at {@code key}, read from the engine once per request. */
  @SuppressWarnings("unchecked")
  static <T> Versioned<T> get(StateEngine engine, String key, Codec<T> codec) {
    Kept kept = KEPT.get();
    if (kept == null) {
      return engine.get(key, codec);
    }
    Versioned<?> value = kept.values.get(key);
    if (value == null) {
      value = engine.get(key, codec);
      kept.values.put(key, value);
    }
    return (Versioned<T>) value;
  }

  /** A commit was tried: what it expected or wrote is read again. */
  static void committed(Transaction tx) {
    Kept kept = KEPT.get();
    if (kept != null) {
      tx.expected().keySet().forEach(kept.values::remove);
      tx.puts().forEach(put -> kept.values.remove(put.key()));
      tx.deletes().forEach(kept.values::remove);
    }
  }

  /** The reads of one request; closing it forgets them. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The counter at {@code key}; within a request, read with {@code together} (keys the request will
   * want too) in one round trip the first time, then kept.
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

  /** The request reset the whole sandbox: everything is read again. */
  static void forgetAll() {
    Kept kept = KEPT.get();
    if (kept != null) {
      kept.counters.clear();
      kept.values.clear();
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
