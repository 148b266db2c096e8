package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.KeyValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Stored;

/**
 * A request's first read on a Redis Cluster: one script may only read keys of one slot, and a
 * request reads its account's keys, the sandbox-wide clock and fault count and the runtime
 * accounts' lookup, which are in different slots. So each key is read with a command of its own,
 * and the rate window is not counted here (its limiter counts it with one more command); a touch is
 * a script on its index's slot, after its member is read.
 */
final class ClusterReads {
  private ClusterReads() {}

  static Batch.Result read(RedisEngine engine, Batch batch) {
    Map<String, Stored> values = new HashMap<>();
    for (String key : batch.values()) {
      values.put(key, value(engine, key));
    }
    for (Batch.Follow follow : batch.follows()) {
      Stored source = value(engine, follow.key());
      values.put(follow.key(), source);
      if (source.text() != null) {
        String named = follow.prefix() + unquoted(source.text()) + follow.suffix();
        values.put(named, value(engine, named));
      }
    }
    Map<String, Long> counters = new HashMap<>();
    for (String key : batch.counters()) {
      String value = RedisEngine.call(() -> engine.commands().get(engine.counterKey(key)));
      counters.put(key, value == null ? 0L : Long.parseLong(value));
    }
    Map<String, Long> sizes = new HashMap<>();
    for (String index : batch.sizes()) {
      sizes.put(index, RedisEngine.call(() -> engine.commands().zcard(engine.indexKey(index))));
    }
    Map<String, List<String>> members = new HashMap<>();
    for (String index : batch.members()) {
      members.put(
          index, RedisEngine.call(() -> engine.commands().zrange(engine.indexKey(index), 0, -1)));
    }
    Map<String, Double> touched = new HashMap<>();
    for (Batch.Touch touch : batch.touches()) {
      Stored named =
          values.containsKey(touch.key()) ? values.get(touch.key()) : value(engine, touch.key());
      if (named.text() != null) {
        Double old =
            engine.touch(touch.index(), unquoted(named.text()), touch.score(), touch.since());
        if (old != null) {
          touched.put(touch.index(), old);
        }
      }
    }
    Map<String, Long> counted = new HashMap<>();
    batch.counts().forEach(c -> counted.put(c.key(), engine.increment(c.key(), c.by(), c.ttl())));
    Map<String, List<String>> lowest = new HashMap<>();
    for (Batch.Lowest asked : batch.lowest()) {
      lowest.put(asked.index(), engine.lowest(asked));
    }
    return new Batch.Result(values, counters, sizes, members, null, touched, counted, lowest);
  }

  private static Stored value(RedisEngine engine, String key) {
    List<KeyValue<String, String>> fields =
        RedisEngine.call(() -> engine.commands().hmget(engine.valueKey(key), "v", "d"));
    return RedisEngine.stored(
        fields.get(0).getValueOrElse(null), fields.get(1).getValueOrElse(null));
  }

  /** The key a value names, as read.lua reads it: a JSON string without its quotes. */
  static String unquoted(String json) {
    return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"")
        ? json.substring(1, json.length() - 1)
        : json;
  }
}
