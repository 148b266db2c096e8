package pelcro.exports.sandbox.store;

import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.memory.MemoryEngine;

/** The store's behaviour on one JVM's memory (the embedded and standalone default). */
class MemoryStoreTest extends StoreContract {
  @Override
  StateEngine newEngine() {
    return new MemoryEngine();
  }
}
