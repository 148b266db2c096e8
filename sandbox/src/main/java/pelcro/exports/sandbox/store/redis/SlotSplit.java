package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.store.engine.Transaction;

/**
 * Splits a commit for a Redis Cluster, where one script may only touch keys of one hash slot. Every
 * key the commit expects must share one slot (the store tags each account's keys with {@code
 * {a<id>}} so that its rules do): that part, with the writes in the same slot, is the commit
 * proper, decided atomically. Writes to other slots (a global index, a lookup) expect nothing, so
 * they are applied after it, each slot's in a script of its own, only when it applied; a resent
 * copy of any of them is answered by its run record. They are not atomic with the commit: a node
 * that dies between the two leaves them undone (an index entry missing until the next touch).
 *
 * <p>A counter the commit expects (a clock a decision was made on) is checked with the commit
 * proper when it is in its slot. The sandbox-wide clock is not (it has a slot of its own): on a
 * Cluster a decision made on it is checked against the value read at the request's start, as every
 * engine did before requests read their clocks once.
 */
final class SlotSplit {
  private SlotSplit() {}

  /**
   * The commit proper first, then the other slots' writes, each part a transaction of one slot.
   *
   * @param hashKey the Redis key of a value
   * @param indexKey the Redis key of an index
   * @param counterKey the Redis key of a counter
   * @throws IllegalStateException when the expected keys are of several slots (a key layout that
   *     cannot be atomic on a Cluster)
   */
  static List<Transaction> parts(
      Transaction tx,
      UnaryOperator<String> hashKey,
      UnaryOperator<String> indexKey,
      UnaryOperator<String> counterKey) {
    Integer main = null;
    for (String key : tx.expected().keySet()) {
      int slot = SlotHash.getSlot(hashKey.apply(key));
      if (main != null && main != slot) {
        throw new IllegalStateException(
            "a commit expects keys of several Cluster slots: " + tx.expected().keySet());
      }
      main = slot;
    }
    if (main == null && !tx.expectedCounters().isEmpty()) {
      main = SlotHash.getSlot(counterKey.apply(tx.expectedCounters().keySet().iterator().next()));
    }
    Map<Integer, Transaction> bySlot = new LinkedHashMap<>();
    if (main != null) {
      Transaction proper = new Transaction();
      tx.expected().forEach((key, version) -> proper.expectVersion(key, version));
      int slot = main;
      tx.expectedCounters()
          .forEach(
              (key, value) -> {
                if (SlotHash.getSlot(counterKey.apply(key)) == slot) {
                  proper.expectCounter(key, value);
                }
              });
      bySlot.put(main, proper);
    }
    for (Transaction.Put put : tx.puts()) {
      part(bySlot, hashKey.apply(put.key())).puts().add(put);
    }
    for (String key : tx.deletes()) {
      part(bySlot, hashKey.apply(key)).deletes().add(key);
    }
    for (Transaction.IndexChange change : tx.indexChanges()) {
      part(bySlot, indexKey.apply(change.index())).indexChanges().add(change);
    }
    return new ArrayList<>(bySlot.values());
  }

  private static Transaction part(Map<Integer, Transaction> bySlot, String redisKey) {
    return bySlot.computeIfAbsent(SlotHash.getSlot(redisKey), slot -> new Transaction());
  }

  /**
   * The hash tag of a Redis key as the Cluster reads it (the text between the first {@code {} and
   * the next {@code }}, when not empty), or the whole key: a key named {@code ...{TAG}} is in the
   * same slot.
   */
  static String tag(String redisKey) {
    int open = redisKey.indexOf('{');
    if (open >= 0) {
      int close = redisKey.indexOf('}', open + 1);
      if (close > open + 1) {
        return redisKey.substring(open + 1, close);
      }
    }
    return redisKey;
  }
}
