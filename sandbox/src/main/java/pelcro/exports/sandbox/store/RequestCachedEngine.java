package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The engine as the store's facets see it: within a request, values and index sizes come from what
 * the request read already ({@link RequestReads}); everything else goes straight through.
 */
final class RequestCachedEngine implements StateEngine {
  private final StateEngine engine;

  RequestCachedEngine(StateEngine engine) {
    this.engine = engine;
  }

  @Override
  public <T> Versioned<T> get(String key, Codec<T> codec) {
    return RequestReads.get(engine, key, codec);
  }

  @Override
  public long commitAt(Transaction transaction) {
    long version = 0;
    try {
      version = engine.commitAt(transaction);
      return version;
    } finally {
      RequestReads.committed(transaction, version);
    }
  }

  @Override
  public Batch.Result read(Batch batch) {
    return engine.read(batch);
  }

  @Override
  public long increment(String key, long by, Duration ttl) {
    return engine.increment(key, by, ttl);
  }

  @Override
  public long counter(String key) {
    return engine.counter(key);
  }

  @Override
  public List<Long> counters(List<String> keys) {
    return engine.counters(keys);
  }

  @Override
  public void deleteCounters(List<String> keys) {
    engine.deleteCounters(keys);
  }

  @Override
  public List<String> range(String index, boolean highestFirst, int limit) {
    return RequestReads.range(engine, index, highestFirst, limit);
  }

  @Override
  public Optional<Double> score(String index, String member) {
    return engine.score(index, member);
  }

  @Override
  public long size(String index) {
    return RequestReads.size(engine, index);
  }

  @Override
  public void clear() {
    engine.clear();
    RequestReads.forgetAll();
  }

  @Override
  public boolean oneStepAcrossTags() {
    return engine.oneStepAcrossTags();
  }

  @Override
  public boolean inProcess() {
    return engine.inProcess();
  }

  @Override
  public Optional<String> unreachable() {
    return engine.unreachable();
  }

  @Override
  public void close() {
    engine.close();
  }
}
