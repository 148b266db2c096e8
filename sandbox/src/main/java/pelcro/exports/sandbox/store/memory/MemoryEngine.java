package pelcro.exports.sandbox.store.memory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Stored;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The state of one JVM: values are the immutable objects themselves (nothing is encoded), reads
 * take no lock, and commits are made atomic by one lock held for the few map writes of a commit.
 * The embedded and standalone default.
 */
public final class MemoryEngine implements StateEngine {
  private final Map<String, Versioned<?>> values = new ConcurrentHashMap<>();
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  // Guarded by this (commits): each index's members, by score.
  private final Map<String, SortedIndex> indexes = new HashMap<>();
  // Each index's size, kept by commits so that it is read without the lock (every request reads
  // one).
  private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final AtomicLong countersCreated = new AtomicLong();

  @Override
  @SuppressWarnings("unchecked")
  public <T> Versioned<T> get(String key, Codec<T> codec) {
    Versioned<?> value = values.get(key);
    return value == null ? Versioned.absent() : (Versioned<T>) value;
  }

  @Override
  public synchronized long commitAt(Transaction tx) {
    for (Map.Entry<String, Long> expected : tx.expected().entrySet()) {
      Versioned<?> current = values.get(expected.getKey());
      long version = current == null ? 0 : current.version();
      if (version != expected.getValue()) {
        return 0;
      }
    }
    for (Map.Entry<String, Long> expected : tx.expectedCounters().entrySet()) {
      if (counter(expected.getKey()) != expected.getValue()) {
        return 0;
      }
    }
    long version = versions.incrementAndGet();
    tx.deletes().forEach(values::remove);
    for (Transaction.Put put : tx.puts()) {
      values.put(put.key(), new Versioned<>(put.value(), version));
    }
    for (Transaction.IndexChange change : tx.indexChanges()) {
      SortedIndex index = indexes.computeIfAbsent(change.index(), i -> new SortedIndex());
      if (change.existing() && !index.scores.containsKey(change.member())) {
        continue;
      }
      index.set(change.member(), change.score());
      if (index.scores.isEmpty()) {
        indexes.remove(change.index());
        sizes.remove(change.index());
      } else {
        sizes.put(change.index(), index.scores.size());
      }
    }
    tx.counterDeletes().forEach(counters::remove);
    tx.counterAdds().forEach((key, by) -> increment(key, by, null));
    return version;
  }

  @Override
  public Batch.Result read(Batch batch) {
    Map<String, Stored> read = new HashMap<>();
    batch.values().forEach(key -> read.put(key, stored(key)));
    for (Batch.Follow follow : batch.follows()) {
      Stored source = stored(follow.key());
      read.put(follow.key(), source);
      if (source.value() != null) {
        String target = follow.prefix() + source.value() + follow.suffix();
        read.put(target, stored(target));
      }
    }
    Map<String, Long> counted = new HashMap<>();
    batch.counters().forEach(key -> counted.put(key, counter(key)));
    Map<String, Long> sized = new HashMap<>();
    batch.sizes().forEach(index -> sized.put(index, size(index)));
    Map<String, List<String>> members = new HashMap<>();
    batch.members().forEach(index -> members.put(index, range(index, false, Integer.MAX_VALUE)));
    Long incremented = null;
    Batch.Increment increment = batch.increment();
    if (increment != null) {
      synchronized (this) {
        boolean holds =
            increment.ifCounters().entrySet().stream()
                .allMatch(e -> counter(e.getKey()) == e.getValue());
        if (holds) {
          incremented = increment(increment.key(), increment.by(), increment.ttl());
        }
      }
    }
    Map<String, Double> touched = new HashMap<>();
    batch.touches().forEach(touch -> touch(touch, touched));
    Map<String, Long> countedUp = new HashMap<>();
    batch.counts().forEach(c -> countedUp.put(c.key(), increment(c.key(), c.by(), c.ttl())));
    Map<String, List<String>> lowest = new HashMap<>();
    batch.lowest().forEach(l -> lowest.put(l.index(), lowest(l)));
    return new Batch.Result(read, counted, sized, members, incremented, touched, countedUp, lowest);
  }

  private synchronized List<String> lowest(Batch.Lowest asked) {
    SortedIndex sorted = indexes.get(asked.index());
    List<String> result = new ArrayList<>();
    if (sorted != null) {
      for (Scored member : sorted.order) {
        if (result.size() >= asked.limit() || member.score() > asked.atMost()) {
          break;
        }
        result.add(member.member());
      }
    }
    return result;
  }

  private synchronized void touch(Batch.Touch touch, Map<String, Double> touched) {
    Versioned<?> named = values.get(touch.key());
    SortedIndex index = indexes.get(touch.index());
    Double old = named == null || index == null ? null : index.scores.get(named.value().toString());
    if (old != null) {
      touched.put(touch.index(), old);
      if (old > touch.since()) {
        index.set(named.value().toString(), touch.score());
      }
    }
  }

  private Stored stored(String key) {
    Versioned<?> value = values.get(key);
    return value == null ? Stored.ABSENT : new Stored(value.value(), null, value.version());
  }

  @Override
  public synchronized long increment(String key, long by, Duration ttl) {
    long now = System.nanoTime();
    Counter counter =
        counters.compute(
            key,
            (k, old) ->
                old == null || old.expired(now)
                    ? new Counter(by, ttl == null ? Long.MAX_VALUE : now + ttl.toNanos())
                    : new Counter(old.value + by, old.expiresAtNanos));
    if (countersCreated.incrementAndGet() % 4096 == 0) {
      counters.values().removeIf(c -> c.expired(now)); // now and then, so windows do not pile up
    }
    return counter.value;
  }

  @Override
  public long counter(String key) {
    Counter counter = counters.get(key);
    return counter == null || counter.expired(System.nanoTime()) ? 0 : counter.value;
  }

  @Override
  public void deleteCounters(List<String> keys) {
    keys.forEach(counters::remove);
  }

  @Override
  public synchronized List<String> range(String index, boolean highestFirst, int limit) {
    SortedIndex sorted = indexes.get(index);
    List<String> result = new ArrayList<>();
    if (sorted != null) {
      for (Scored member : highestFirst ? sorted.order.descendingSet() : sorted.order) {
        if (result.size() >= limit) {
          break;
        }
        result.add(member.member());
      }
    }
    return result;
  }

  @Override
  public synchronized Optional<Double> score(String index, String member) {
    SortedIndex sorted = indexes.get(index);
    return Optional.ofNullable(sorted == null ? null : sorted.scores.get(member));
  }

  @Override
  public long size(String index) {
    return sizes.getOrDefault(index, 0);
  }

  @Override
  public synchronized void clear() {
    values.clear();
    counters.clear();
    indexes.clear();
    sizes.clear();
  }

  @Override
  public boolean inProcess() {
    return true;
  }

  @Override
  public Optional<String> unreachable() {
    return Optional.empty();
  }

  @Override
  public void close() {
    // nothing held outside the heap
  }

  /** A member with its score, ordered by score, then by member (as Redis orders a sorted set). */
  private record Scored(double score, String member) implements Comparable<Scored> {
    @Override
    public int compareTo(Scored other) {
      int byScore = Double.compare(score, other.score);
      return byScore != 0 ? byScore : member.compareTo(other.member);
    }
  }

  /** One sorted index: members to scores, and the same members in score order. */
  private static final class SortedIndex {
    final Map<String, Double> scores = new HashMap<>();
    final java.util.TreeSet<Scored> order = new java.util.TreeSet<>();

    void set(String member, Double score) {
      Double old = score == null ? scores.remove(member) : scores.put(member, score);
      if (old != null) {
        order.remove(new Scored(old, member));
      }
      if (score != null) {
        order.add(new Scored(score, member));
      }
    }
  }

  /** A counter value and, for windows, when it expires (real time). */
  private record Counter(long value, long expiresAtNanos) {
    boolean expired(long now) {
      return now - expiresAtNanos > 0 && expiresAtNanos != Long.MAX_VALUE;
    }
  }
}
