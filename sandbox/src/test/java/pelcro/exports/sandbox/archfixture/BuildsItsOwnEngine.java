package pelcro.exports.sandbox.archfixture;

import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.memory.MemoryEngine;

/** Test fixture: what the store rules forbid outside the store (see {@code ArchitectureTest}). */
public final class BuildsItsOwnEngine {
  private BuildsItsOwnEngine() {}

  public static StateEngine open() {
    return new MemoryEngine();
  }
}
