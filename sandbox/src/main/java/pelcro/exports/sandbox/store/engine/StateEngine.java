package pelcro.exports.sandbox.store.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the sandbox's mutable state is kept: keyed values read with a version and changed by
 * compare-and-set commits, counters, and sorted indexes. Every rule of the store is written once on
 * top of these few primitives, so an in-memory engine (one JVM) and a Redis engine (many nodes)
 * give the same behaviour; what differs is only how a commit is made atomic.
 *
 * <p>Values are immutable objects; an engine that keeps them outside the JVM encodes them with the
 * {@link Codec} it is given.
 */
public interface StateEngine extends AutoCloseable {
  /**
   * What {@link #commitAt} answers for a commit that applied but gave its values versions of more
   * than one counter (a Redis Cluster commit over several slots): its writer reads them again.
   */
  long SEVERAL_VERSIONS = -1;

  /** The value at {@code key} with the version to expect when changing it; absent: version 0. */
  <T> Versioned<T> get(String key, Codec<T> codec);

  /**
   * Applies the transaction's writes if, and only if, every key it expects still has the version it
   * was read at (and every counter it expects the value); all or nothing.
   *
   * @return whether it was applied (false: somebody changed an expected key; read and retry)
   */
  default boolean commit(Transaction transaction) {
    return commitAt(transaction) != 0;
  }

  /**
   * As {@link #commit}, returning the version the commit gave every value it wrote (so its writer
   * may keep them without reading them back); 0 when it did not apply; {@link #SEVERAL_VERSIONS}
   * when it applied with no single version.
   */
  long commitAt(Transaction transaction);

  /** Reads everything {@code batch} names at once (one round trip for a shared engine). */
  Batch.Result read(Batch batch);

  /**
   * Adds {@code by} to a counter (created at 0) and returns the new value.
   *
   * @param ttl how long the counter lives after it is created; null for ever
   */
  long increment(String key, long by, Duration ttl);

  /** A counter's value; 0 when it does not exist. */
  long counter(String key);

  /** Several counters' values, in the order of {@code keys} (0 for one that does not exist). */
  default List<Long> counters(List<String> keys) {
    return keys.stream().map(this::counter).toList();
  }

  /** Deletes counters. */
  void deleteCounters(List<String> keys);

  /** An index's members by score, lowest first (or highest first), at most {@code limit}. */
  List<String> range(String index, boolean highestFirst, int limit);

  /** A member's score in an index, if it is a member. */
  Optional<Double> score(String index, String member);

  /** How many members an index has. */
  long size(String index);

  /**
   * Whether the state is in this JVM: a commit costs no round trip, so nothing is gained by
   * gathering several requests' changes into one.
   */
  default boolean inProcess() {
    return false;
  }

  /**
   * Whether a commit over keys of several hash tags is applied whole, in one step (one server, or
   * the JVM); false on a Redis Cluster, where it is applied slot by slot and a reader may see one
   * slot's writes before another's.
   */
  default boolean oneStepAcrossTags() {
    return true;
  }

  /** Forgets everything (the control API's reset of the whole sandbox). */
  void clear();

  /** Why the engine cannot be reached now, if it cannot (health; Redis can go away). */
  Optional<String> unreachable();

  /** Whether the engine is reachable now. */
  default boolean available() {
    return unreachable().isEmpty();
  }

  @Override
  void close();
}
