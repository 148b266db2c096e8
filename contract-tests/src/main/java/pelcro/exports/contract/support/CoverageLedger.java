package pelcro.exports.contract.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each test of a run exercised (operation × status) and how it ended; the summary's data.
 *
 * <p>Tests run one at a time (the suite serializes them so that exports of a type never overlap),
 * so "the running test" is a single slot.
 */
public final class CoverageLedger {
  /**
   * How a test ended. An aborted test (a failed assumption) did not run to a verdict, like a
   * skipped one, and is counted among the skipped everywhere (console, summary, and the JUnit XML,
   * which has no other place for it); the tally says how many of the skipped were aborted.
   */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED,
    ABORTED;

    /** The column it is counted in: 0 passed, 1 failed, 2 skipped (aborted included). */
    public int column() {
      return this == ABORTED ? 2 : ordinal();
    }

    /** The outcome of a test that ran. */
    public static Outcome of(org.junit.platform.engine.TestExecutionResult result) {
      return switch (result.getStatus()) {
        case SUCCESSFUL -> PASSED;
        case ABORTED -> ABORTED;
        case FAILED -> FAILED;
      };
    }
  }

  /** One test of the run. */
  public record Entry(
      String name, String documented, Set<String> pairs, Outcome outcome, String reason) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
  private static final Map<String, Set<String>> RUNNING = new LinkedHashMap<>();

  /** The test each thread runs (suite classes may run in parallel); inherited by pollers. */
  private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

  private CoverageLedger() {}

  public static synchronized void reset() {
    ENTRIES.clear();
    RUNNING.clear();
    CURRENT.remove();
  }

  public static synchronized void begin(String id) {
    CURRENT.set(id);
    RUNNING.put(id, new LinkedHashSet<>());
  }

  /** Called by {@link CoverageFilter} for each response the running test receives. */
  static synchronized void record(String operationId, int status) {
    String current = CURRENT.get();
    if (current != null) {
      RUNNING.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(operationId + ":" + status);
    }
  }

  public static synchronized void finish(
      String id, String name, String documented, Outcome outcome, String reason) {
    Set<String> pairs = RUNNING.remove(id);
    ENTRIES.put(id, new Entry(name, documented, pairs == null ? Set.of() : pairs, outcome, reason));
    if (id.equals(CURRENT.get())) {
      CURRENT.remove();
    }
  }

  public static synchronized void skipped(
      String id, String name, String documented, Set<String> declared, String reason) {
    ENTRIES.put(id, new Entry(name, documented, declared, Outcome.SKIPPED, reason));
  }

  /** Whether the test already has its outcome. */
  public static synchronized boolean has(String id) {
    return ENTRIES.containsKey(id);
  }

  public static synchronized List<Entry> entries() {
    return new ArrayList<>(ENTRIES.values());
  }
}
