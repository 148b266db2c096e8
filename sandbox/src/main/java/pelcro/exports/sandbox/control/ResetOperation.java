package pelcro.exports.sandbox.control;

import java.util.Map;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.store.ExportStore;

/**
 * Control API {@code POST /__admin/sandbox/reset}: no exports, no lint findings, clock back to
 * real time.
 */
public final class ResetOperation {
  private final ExportStore store;
  private final SandboxClock clock;
  private final IntegratorLint lint;

  public ResetOperation(ExportStore store, SandboxClock clock, IntegratorLint lint) {
    this.store = store;
    this.clock = clock;
    this.lint = lint;
  }

  public Map<String, Object> handle() {
    store.clear();
    lint.clear();
    clock.reset();
    return Map.of("reset", true);
  }
}
