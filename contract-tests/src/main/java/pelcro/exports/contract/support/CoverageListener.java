package pelcro.exports.contract.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Feeds the coverage ledger from the JUnit Platform's events and, at the end of a run that touched
 * the contract suite, prints the summary and writes {@code contract-summary.txt}.
 */
public final class CoverageListener implements TestExecutionListener {
  /** Name of the summary file in {@code contract.reportDir}. */
  public static final String SUMMARY_FILE = "contract-summary.txt";

  private static final String SUITE_PACKAGE = "pelcro.exports.contract.";

  private TestPlan plan;
  private Path lastWritten;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    CoverageLedger.reset();
  }

  @Override
  public void executionStarted(TestIdentifier id) {
    if (id.isTest() && inSuite(id)) {
      CoverageLedger.begin(id.getUniqueId());
    }
  }

  @Override
  public void executionFinished(TestIdentifier id, TestExecutionResult result) {
    if (isSuiteClass(id)
        && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
        && plan != null) {
      // A suite class that failed (or aborted) before its tests ran: the JUnit XML reports each
      // of its tests with the class's result, and so does the ledger. (A failed preflight stops
      // the run above the classes: then nothing ran, and there is no summary.)
      plan.getDescendants(id).stream()
          .filter(t -> t.isTest() && inSuite(t) && !CoverageLedger.has(t.getUniqueId()))
          .forEach(t -> executionFinished(t, result));
      return;
    }
    if (!id.isTest() || !inSuite(id)) {
      return;
    }
    String reason = result.getThrowable().map(Throwable::getMessage).orElse(null);
    CoverageLedger.finish(
        id.getUniqueId(),
        name(id),
        documented(id).map(Documented::value).orElse("(undocumented)"),
        CoverageLedger.Outcome.of(result),
        reason);
  }

  @Override
  public void executionSkipped(TestIdentifier id, String reason) {
    if (plan == null) {
      return;
    }
    if (id.isTest()) {
      skip(id, reason);
    } else {
      plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(t -> skip(t, reason));
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (CoverageLedger.entries().isEmpty()) {
      return;
    }
    Target target = Target.get();
    String summary =
        CoverageSummary.render(
            CoverageLedger.entries(),
            target.kind()
                + " "
                + target.baseUrl()
                + (target.writesAllowed() ? " (writes allowed)" : " (read-only)"),
            target.pacer().report().line());
    System.out.println();
    System.out.println(summary);
    try {
      Files.createDirectories(target.reportDir());
      lastWritten = target.reportDir().resolve(SUMMARY_FILE);
      Files.writeString(lastWritten, summary, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void skip(TestIdentifier id, String reason) {
    if (!inSuite(id)) {
      return;
    }
    Optional<Documented> doc = documented(id);
    Set<String> declared =
        new LinkedHashSet<>(Arrays.asList(doc.map(Documented::covers).orElse(new String[0])));
    CoverageLedger.skipped(
        id.getUniqueId(),
        name(id),
        doc.map(Documented::value).orElse("(undocumented)"),
        declared,
        reason);
  }

  /** A test of the suite: declared in one of its classes (not in the module's own unit tests). */
  private boolean inSuite(TestIdentifier id) {
    return method(id).map(m -> isSuiteClass(m.getDeclaringClass())).orElse(false);
  }

  private static boolean isSuiteClass(TestIdentifier id) {
    return id.getSource().orElse(null) instanceof ClassSource cs && isSuiteClass(cs.getJavaClass());
  }

  /** The suite's classes: in its package, named {@code *ContractTest}. */
  private static boolean isSuiteClass(Class<?> c) {
    return c.getName().startsWith(SUITE_PACKAGE) && c.getSimpleName().endsWith("ContractTest");
  }

  private String name(TestIdentifier id) {
    Optional<Method> m = method(id);
    String base =
        m.map(x -> x.getDeclaringClass().getSimpleName() + "." + x.getName())
            .orElse(id.getDisplayName());
    String method = m.map(x -> x.getName() + "(").orElse("");
    // Parameterized and dynamic tests share a method: tell them apart by their display name.
    return id.getDisplayName().startsWith(method) ? base : base + " [" + id.getDisplayName() + "]";
  }

  /** The test method, or for a dynamic test the factory method that made it. */
  private Optional<Method> method(TestIdentifier id) {
    TestIdentifier cursor = id;
    while (cursor != null) {
      if (cursor.getSource().orElse(null) instanceof MethodSource ms) {
        try {
          return Optional.of(ms.getJavaMethod());
        } catch (RuntimeException e) {
          return Optional.empty();
        }
      }
      if (cursor.getSource().orElse(null) instanceof ClassSource) {
        return Optional.empty();
      }
      cursor = plan == null ? null : plan.getParent(cursor).orElse(null);
    }
    return Optional.empty();
  }

  private Optional<Documented> documented(TestIdentifier id) {
    return method(id)
        .flatMap(
            m ->
                Optional.ofNullable(m.getAnnotation(Documented.class))
                    .or(
                        () ->
                            Optional.ofNullable(
                                m.getDeclaringClass().getAnnotation(Documented.class))));
  }
}
