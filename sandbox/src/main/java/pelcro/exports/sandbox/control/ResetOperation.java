package pelcro.exports.sandbox.control;

import java.util.Map;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.store.ExportStore;

/** Control API {@code POST /__admin/sandbox/reset}: no exports, clock back to real time. */
public final class ResetOperation {
  private final ExportStore store;
  private final SandboxClock clock;

  public ResetOperation(ExportStore store, SandboxClock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Map<String, Object> handle() {
    store.clear();
    clock.reset();
    return Map.of("reset", true);
  }
}
