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
 * <p>Tests run one at a time (the suite serializes them so that exports of a type never
 * overlap), so "the running test" is a single slot.
 */
public final class CoverageLedger {
  /** How a test ended. */
  public enum Outcome { PASSED, FAILED, SKIPPED }

  /** One test of the run. */
  public record Entry(String name, String documented, Set<String> pairs, Outcome outcome, String reason) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
  private static final Map<String, Set<String>> RUNNING = new LinkedHashMap<>();
  private static String current;

  private CoverageLedger() {}

  public static synchronized void reset() {
    ENTRIES.clear();
    RUNNING.clear();
    current = null;
  }

  public static synchronized void begin(String id) {
    current = id;
    RUNNING.put(id, new LinkedHashSet<>());
  }

  /** Called by {@link CoverageFilter} for each response the running test receives. */
  static synchronized void record(String operationId, int status) {
    if (current != null) {
      RUNNING.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(operationId + ":" + status);
    }
  }

  public static synchronized void finish(String id, String name, String documented, Outcome outcome, String reason) {
    Set<String> pairs = RUNNING.remove(id);
    ENTRIES.put(id, new Entry(name, documented, pairs == null ? Set.of() : pairs, outcome, reason));
    if (id.equals(current)) {
      current = null;
    }
  }

  public static synchronized void skipped(String id, String name, String documented, Set<String> declared, String reason) {
    ENTRIES.put(id, new Entry(name, documented, declared, Outcome.SKIPPED, reason));
  }

  public static synchronized List<Entry> entries() {
    return new ArrayList<>(ENTRIES.values());
  }
}
