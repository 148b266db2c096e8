package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.cluster.SlotHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.store.engine.Transaction;

/**
 * Splits a commit for a Redis Cluster, where one script may only touch keys of one hash slot. The
 * store tags each account's keys with {@code {a<id>}} so that every rule decides on keys of one
 * slot: that part (the keys it expects, with the writes in the same slot) is the commit proper,
 * decided atomically. Writes to other slots (a global index, a lookup) expect nothing, so they are
 * applied after it, each slot's in a script of its own, only when it applied; a resent copy of any
 * of them is answered by its run record. They are not atomic with the commit: a node that dies
 * between the two leaves them undone (an index entry missing until the next touch).
 *
 * <p>The few commits that expect keys of several accounts (ending a session: its two accounts and
 * their faults) are decided slot by slot, in order, each part atomic on its own: when a later part
 * finds a key changed, the earlier parts stay applied and the caller reads again and retries, which
 * these commits (ends and resets) allow.
 *
 * <p>A counter the commit expects (a clock a decision was made on) is checked with the part of its
 * slot. The sandbox-wide clock has a slot of its own, and a part that expects only it is checked on
 * its own, before the others.
 */
final class SlotSplit {
  private SlotSplit() {}

  /**
   * The parts that expect something first (in the order their keys were expected), then the other
   * slots' writes; each part a transaction of one slot.
   *
   * @param hashKey the Redis key of a value
   * @param indexKey the Redis key of an index
   * @param counterKey the Redis key of a counter
   */
  static List<Transaction> parts(
      Transaction tx,
      UnaryOperator<String> hashKey,
      UnaryOperator<String> indexKey,
      UnaryOperator<String> counterKey) {
    Map<Integer, Transaction> bySlot = new LinkedHashMap<>();
    tx.expected()
        .forEach((key, version) -> part(bySlot, hashKey.apply(key)).expectVersion(key, version));
    tx.expectedCounters()
        .forEach((key, value) -> part(bySlot, counterKey.apply(key)).expectCounter(key, value));
    for (Transaction.Put put : tx.puts()) {
      part(bySlot, hashKey.apply(put.key())).puts().add(put);
    }
    for (String key : tx.deletes()) {
      part(bySlot, hashKey.apply(key)).deletes().add(key);
    }
    for (Transaction.IndexChange change : tx.indexChanges()) {
      part(bySlot, indexKey.apply(change.index())).indexChanges().add(change);
    }
    tx.counterAdds().forEach((key, by) -> part(bySlot, counterKey.apply(key)).add(key, by));
    for (String key : tx.counterDeletes()) {
      part(bySlot, counterKey.apply(key)).deleteCounter(key);
    }
    List<Transaction> parts = new ArrayList<>(bySlot.values());
    parts.sort(Comparator.comparingInt(SlotSplit::rank));
    return parts;
  }

  /** Whether a part expects something: it is decided, not only applied. */
  static boolean decides(Transaction part) {
    return !part.expected().isEmpty() || !part.expectedCounters().isEmpty();
  }

  /** Checks alone first, then the parts that decide and write, then the writes to other slots. */
  private static int rank(Transaction part) {
    boolean writes =
        !part.puts().isEmpty()
            || !part.deletes().isEmpty()
            || !part.indexChanges().isEmpty()
            || !part.counterAdds().isEmpty()
            || !part.counterDeletes().isEmpty();
    return decides(part) ? (writes ? 1 : 0) : 2;
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
