package pelcro.exports.contract.runner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import pelcro.exports.contract.support.CoverageLedger.Outcome;

/**
 * Prints one line per suite class as it finishes (its passed/failed/skipped tests and its time), so
 * a paced run of several minutes shows where it is. Counts as the tally does: aborted tests are
 * skipped ones.
 */
final class ProgressListener implements TestExecutionListener {
  private final PrintStream out;
  private final Map<String, long[]> counts = new HashMap<>();
  private final Map<String, Long> started = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private TestPlan plan;

  ProgressListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (isClass(id)) {
      started.put(id.getUniqueId(), System.nanoTime());
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (id.isTest()) {
      count(id, Outcome.of(result).column());
    } else if (isClass(id)) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        // Tests that never started share the class's result (as in the JUnit XML and the summary).
        plan.getDescendants(id).stream()
            .filter(TestIdentifier::isTest)
            .filter(t -> !counted(t))
            .forEach(t -> count(t, Outcome.of(result).column()));
      }
      print(id, System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime()));
    }
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (id.isTest()) {
      count(id, Outcome.SKIPPED.column());
      return;
    }
    plan.getDescendants(id).stream()
        .filter(TestIdentifier::isTest)
        .forEach(t -> count(t, Outcome.SKIPPED.column()));
    if (isClass(id)) {
      print(id, 0);
    }
  }

  private boolean counted(TestIdentifier test) {
    return seen.contains(test.getUniqueId());
  }

  private void count(TestIdentifier test, int column) {
    if (seen.add(test.getUniqueId())) {
      classOf(test)
          .ifPresent(c -> counts.computeIfAbsent(c.getUniqueId(), k -> new long[3])[column]++);
    }
  }

  private void print(TestIdentifier cls, long nanos) {
    long[] c = counts.getOrDefault(cls.getUniqueId(), new long[3]);
    out.printf(
        Locale.ROOT,
        "%-32s %4d passed %4d failed %4d skipped %10s%n",
        cls.getDisplayName(),
        c[0],
        c[1],
        c[2],
        duration(Duration.ofNanos(nanos)));
    out.flush();
  }

  private Optional<TestIdentifier> classOf(TestIdentifier id) {
    Optional<TestIdentifier> cursor = Optional.of(id);
    while (cursor.isPresent() && !isClass(cursor.get())) {
      cursor = plan.getParent(cursor.get());
    }
    return cursor;
  }

  private static boolean isClass(TestIdentifier id) {
    return id.getSource().filter(ClassSource.class::isInstance).isPresent();
  }

  /** {@code 4.2 s}, or {@code 6 min 3 s} from a minute on. */
  static String duration(Duration d) {
    long seconds = d.toSeconds();
    return seconds < 60
        ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
        : seconds / 60 + " min " + seconds % 60 + " s";
  }
}
