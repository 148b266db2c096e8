package pelcro.exports.sandbox.store;

import java.time.Instant;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * What the seeded data is a function of: its seed, its size and its time anchor. The data itself is
 * never stored (every node generates it), so nodes that share a store must agree on these: the
 * first node to start writes them, and every other node adopts them, so a file is byte-identical
 * whichever node serves it.
 *
 * @param anchor the sandbox clock's present when the first node started
 */
public record SeedParameters(long seed, int recordsPerType, Instant anchor) {
  private static final Codec<SeedParameters> CODEC = Codec.of(SeedParameters.class);

  /**
   * The parameters in force: the store's, or {@code mine} when it holds none yet. A different seed
   * or size than the store's is refused (the nodes would serve different files).
   */
  static SeedParameters agree(StateEngine engine, SeedParameters mine) {
    Versioned<SeedParameters> stored = engine.get(Keys.WORLD, CODEC);
    if (!stored.present()) {
      if (engine.commit(
          new Transaction().expect(Keys.WORLD, stored).put(Keys.WORLD, mine, CODEC))) {
        return mine;
      }
      stored = engine.get(Keys.WORLD, CODEC);
    }
    SeedParameters theirs = stored.value();
    if (theirs.seed() != mine.seed() || theirs.recordsPerType() != mine.recordsPerType()) {
      throw new IllegalArgumentException(
          "the shared state holds a sandbox with --seed "
              + theirs.seed()
              + " --records-per-type "
              + theirs.recordsPerType()
              + "; start this node with the same, or use another Redis database");
    }
    return theirs;
  }

  /** Writes them again after a whole reset, which forgets every key. */
  void restore(StateEngine engine) {
    engine.commit(new Transaction().put(Keys.WORLD, this, CODEC));
  }
}
