package pelcro.exports.sandbox.store.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Stored;

/**
 * A request's first read answered from the node's {@link ReadCache} (once its {@link Fence} has
 * brought it up to the moment the read began) when it holds every key the batch names, and the
 * cache filled from a batch that Redis answered. A batch that writes (a touch, a count, the rate
 * window's increment) or reads an index up to a score always goes to Redis.
 */
final class CachedReads {
  private CachedReads() {}

  /**
   * The batch's result from the cache, or null when it must go to Redis: looked up, and when all is
   * held, looked up again once the fence has brought the cache up to this instant.
   */
  static Batch.Result answer(RedisEngine engine, Batch batch) {
    if (!batch.touches().isEmpty()
        || !batch.counts().isEmpty()
        || !batch.lowest().isEmpty()
        || batch.increment() != null) {
      return null;
    }
    return engine.current(() -> held(engine, batch));
  }

  private static Batch.Result held(RedisEngine engine, Batch batch) {
    Map<String, Stored> values = new HashMap<>();
    for (String key : batch.values()) {
      if (!(engine.held(engine.valueKey(key)) instanceof Stored stored)) {
        return null;
      }
      values.put(key, stored);
    }
    for (Batch.Follow follow : batch.follows()) {
      if (!(engine.held(engine.valueKey(follow.key())) instanceof Stored source)) {
        return null;
      }
      values.put(follow.key(), source);
      if (source.text() != null) {
        String named = named(follow, source);
        if (!(engine.held(engine.valueKey(named)) instanceof Stored target)) {
          return null;
        }
        values.put(named, target);
      }
    }
    Map<String, Long> counters = new HashMap<>();
    for (String key : batch.counters()) {
      if (!(engine.held(engine.counterKey(key)) instanceof Long value)) {
        return null;
      }
      counters.put(key, value);
    }
    Map<String, Long> sizes = new HashMap<>();
    for (String index : batch.sizes()) {
      if (!(engine.held(engine.indexKey(index) + ReadCache.SIZE) instanceof Long size)) {
        return null;
      }
      sizes.put(index, size);
    }
    Map<String, List<String>> members = new HashMap<>();
    for (String index : batch.members()) {
      if (!(engine.held(engine.indexKey(index) + ReadCache.MEMBERS) instanceof List<?> all)) {
        return null;
      }
      members.put(index, all.stream().map(String.class::cast).toList());
    }
    return new Batch.Result(values, counters, sizes, members, null, Map.of(), Map.of(), Map.of());
  }

  /** Keeps what Redis answered for {@code batch}, read by a script sent at {@code since}. */
  static void keep(RedisEngine engine, long since, Batch batch, Batch.Result result) {
    result
        .values()
        .forEach(
            (key, stored) ->
                engine.keep(since, engine.valueKey(key), engine.valueKey(key), stored));
    // A followed value that names nothing was answered without the key it would name.
    result
        .counters()
        .forEach(
            (key, value) ->
                engine.keep(since, engine.counterKey(key), engine.counterKey(key), value));
    result
        .sizes()
        .forEach(
            (index, size) -> {
              String key = engine.indexKey(index);
              engine.keep(since, key, key + ReadCache.SIZE, size);
            });
    result
        .members()
        .forEach(
            (index, all) -> {
              String key = engine.indexKey(index);
              engine.keep(since, key, key + ReadCache.MEMBERS, List.copyOf(all));
            });
  }

  private static String named(Batch.Follow follow, Stored source) {
    return follow.prefix() + ClusterReads.unquoted(source.text()) + follow.suffix();
  }
}
