package pelcro.exports.sandbox.store.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request will read, asked for at once so that a shared engine answers it in one round trip:
 * values, values named by other values (a slot names its job), counters, index sizes, and at most
 * one counter to increment if other counters still hold what the caller saw last (a rate window on
 * an account's clock), and members of indexes marked as used.
 */
public final class Batch {
  /**
   * The value at {@code key} names another value, {@code prefix} + the value + {@code suffix}, read
   * too.
   */
  public record Follow(String key, String prefix, String suffix) {}

  /**
   * Adds {@code by} to {@code key} (created with {@code ttl}; null: for ever) only if each counter
   * of {@code ifCounters} holds the value given (0: absent).
   */
  public record Increment(String key, long by, Duration ttl, Map<String, Long> ifCounters) {}

  /**
   * The value at {@code key} names a member of {@code index}: its score is read, and set to {@code
   * score} if it was above {@code since} (a member used recently enough stays in use; one idle
   * since then, or not a member, is left as it is for its reader to decide on).
   */
  public record Touch(String key, String index, double score, double since) {}

  /**
   * Adds {@code by} to {@code key} (created with {@code ttl}; null: for ever), whatever it holds.
   */
  public record Count(String key, long by, Duration ttl) {}

  /**
   * The members of {@code index} scored at most {@code atMost}, lowest first, at most {@code
   * limit}.
   */
  public record Lowest(String index, double atMost, int limit) {}

  private final List<String> values = new ArrayList<>();
  private final List<Touch> touches = new ArrayList<>();
  private final List<Count> counts = new ArrayList<>();
  private final List<Lowest> lowest = new ArrayList<>();
  private final List<Follow> follows = new ArrayList<>();
  private final List<String> counters = new ArrayList<>();
  private final List<String> sizes = new ArrayList<>();
  private final List<String> members = new ArrayList<>();
  private Increment increment;

  public Batch value(String key) {
    values.add(key);
    return this;
  }

  public Batch follow(String key, String prefix, String suffix) {
    follows.add(new Follow(key, prefix, suffix));
    return this;
  }

  public Batch counter(String key) {
    counters.add(key);
    return this;
  }

  public Batch size(String index) {
    sizes.add(index);
    return this;
  }

  /** Every member of an index, lowest score first. */
  public Batch members(String index) {
    members.add(index);
    return this;
  }

  public Batch touch(String key, String index, double score, double since) {
    touches.add(new Touch(key, index, score, since));
    return this;
  }

  public Batch count(String key, long by, Duration ttl) {
    counts.add(new Count(key, by, ttl));
    return this;
  }

  public Batch lowest(String index, double atMost, int limit) {
    lowest.add(new Lowest(index, atMost, limit));
    return this;
  }

  public Batch increment(String key, long by, Duration ttl, Map<String, Long> ifCounters) {
    increment = new Increment(key, by, ttl, new LinkedHashMap<>(ifCounters));
    return this;
  }

  public List<String> values() {
    return values;
  }

  public List<Follow> follows() {
    return follows;
  }

  public List<String> counters() {
    return counters;
  }

  public List<String> sizes() {
    return sizes;
  }

  public List<String> members() {
    return members;
  }

  public List<Touch> touches() {
    return touches;
  }

  public List<Count> counts() {
    return counts;
  }

  public List<Lowest> lowest() {
    return lowest;
  }

  /** The increment asked for, or null. */
  public Increment increment() {
    return increment;
  }

  /**
   * What a batch read.
   *
   * @param values every value read, the followed ones included (absent ones too)
   * @param members each index's members asked for, lowest score first
   * @param incremented the increment's new value; null when none was asked for or its condition did
   *     not hold (nothing was added)
   * @param touched per touched index, the member's score before the touch (none: not a member)
   * @param counted each counted counter's new value
   * @param lowest per index asked for its lowest members, those members
   */
  public record Result(
      Map<String, Stored> values,
      Map<String, Long> counters,
      Map<String, Long> sizes,
      Map<String, List<String>> members,
      Long incremented,
      Map<String, Double> touched,
      Map<String, Long> counted,
      Map<String, List<String>> lowest) {}
}
