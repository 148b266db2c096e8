package pelcro.exports.sandbox.store.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The writes of one atomic commit, and the versions they depend on. Built by a store rule after it
 * has read what it needs; the engine applies it whole or not at all.
 */
public final class Transaction {
  /** A value to write, with how to encode it. */
  public record Put(String key, Object value, Codec<?> codec) {}

  /**
   * A member added to (score present) or removed from (score null) a sorted index; or, with {@code
   * existing}, a member the index has given a new score (nothing happens if it is not a member, so
   * the index's size stays as it is, which a caching engine relies on).
   */
  public record IndexChange(String index, String member, Double score, boolean existing) {}

  private final Map<String, Long> expected = new LinkedHashMap<>();
  private final List<Put> puts = new ArrayList<>();
  private final List<String> deletes = new ArrayList<>();
  private final List<IndexChange> indexChanges = new ArrayList<>();
  private final Map<String, Long> expectedCounters = new LinkedHashMap<>();
  private final Map<String, Long> counterAdds = new LinkedHashMap<>();
  private final List<String> counterDeletes = new ArrayList<>();

  /** The commit applies only if {@code key} still has this version (0: still absent). */
  public Transaction expect(String key, Versioned<?> read) {
    expected.put(key, read.version());
    return this;
  }

  /**
   * The commit applies only if the counter at {@code key} still holds {@code value} (0: absent): a
   * decision made on a clock read earlier holds only while that clock has not moved.
   */
  public Transaction expectCounter(String key, long value) {
    expectedCounters.put(key, value);
    return this;
  }

  /** The commit applies only if {@code key} still has {@code version} (0: still absent). */
  public Transaction expectVersion(String key, long version) {
    expected.put(key, version);
    return this;
  }

  /** Adds {@code by} to a counter (created at 0, for ever) with the commit's writes. */
  public Transaction add(String counter, long by) {
    counterAdds.merge(counter, by, Long::sum);
    return this;
  }

  /** Deletes a counter with the commit's writes. */
  public Transaction deleteCounter(String counter) {
    counterDeletes.add(counter);
    return this;
  }

  public <T> Transaction put(String key, T value, Codec<T> codec) {
    puts.add(new Put(key, value, codec));
    return this;
  }

  public Transaction delete(String key) {
    deletes.add(key);
    return this;
  }

  public Transaction index(String index, String member, double score) {
    indexChanges.add(new IndexChange(index, member, score, false));
    return this;
  }

  /** Gives a member of {@code index} a new score; a member it does not have stays out. */
  public Transaction rescore(String index, String member, double score) {
    indexChanges.add(new IndexChange(index, member, score, true));
    return this;
  }

  public Transaction unindex(String index, String member) {
    indexChanges.add(new IndexChange(index, member, null, false));
    return this;
  }

  /** Whether it expects nothing and writes nothing: committing it would change nothing. */
  public boolean isEmpty() {
    return expected.isEmpty()
        && puts.isEmpty()
        && deletes.isEmpty()
        && indexChanges.isEmpty()
        && expectedCounters.isEmpty()
        && counterAdds.isEmpty()
        && counterDeletes.isEmpty();
  }

  public Map<String, Long> expected() {
    return expected;
  }

  public List<Put> puts() {
    return puts;
  }

  public List<String> deletes() {
    return deletes;
  }

  public List<IndexChange> indexChanges() {
    return indexChanges;
  }

  public Map<String, Long> expectedCounters() {
    return expectedCounters;
  }

  public Map<String, Long> counterAdds() {
    return counterAdds;
  }

  public List<String> counterDeletes() {
    return counterDeletes;
  }
}
