package pelcro.exports.sandbox.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.StateEngine;

/**
 * The values every request reads, read once per request: the sandbox clock's offset, the
 * account's clock offset and whether any fault is scheduled, fetched together in one round trip
 * the first time one is needed and kept until the request ends. A request happens at one
 * instant, so it sees one time and one fault flag throughout; the next request reads them
 * afresh, so no node ever serves another node's change late. Outside a request (background
 * work, tests) every read goes to the engine.
 *
 * <p>A change made by the request itself (a clock advanced, a fault added) replaces or drops
 * the value kept, so the rest of the request sees it.
 */
public final class RequestReads {
  private static final ThreadLocal<Map<String, Long>> KEPT = new ThreadLocal<>();

  private RequestReads() {}

  /** A request begins on this thread; {@link Scope#close} ends it. */
  public static Scope open() {
    Map<String, Long> outer = KEPT.get();
    KEPT.set(new HashMap<>());
    return () -> KEPT.set(outer);
  }

  /** The reads of one request; closing it forgets them. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The counter at {@code key}; within a request, read with {@code together} (keys the request
   * will want too) in one round trip the first time, then kept.
   */
  static long counter(StateEngine engine, String key, List<String> together) {
    Map<String, Long> kept = KEPT.get();
    if (kept == null) {
      return engine.counter(key);
    }
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
    Map<String, Long> kept = KEPT.get();
    if (kept != null) {
      kept.clear();
    }
  }

  /** The request changed the counter: the rest of it sees {@code value} (null: read again). */
  static void changed(String key, Long value) {
    Map<String, Long> kept = KEPT.get();
    if (kept != null) {
      if (value == null) {
        kept.remove(key);
      } else {
        kept.put(key, value);
      }
    }
  }
}
