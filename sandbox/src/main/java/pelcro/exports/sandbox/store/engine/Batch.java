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
 * an account's clock).
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

  private final List<String> values = new ArrayList<>();
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
   */
  public record Result(
      Map<String, Stored> values,
      Map<String, Long> counters,
      Map<String, Long> sizes,
      Map<String, List<String>> members,
      Long incremented) {}
}
