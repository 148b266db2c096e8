package pelcro.exports.contract.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class ClassSessionsTest {
  private static final List<Class<?>> PROBES =
      List.of(
          SessionProbeOne.class,
          SessionProbeTwo.class,
          SessionProbeThree.class,
          SessionProbeFour.class,
          SessionProbeFive.class,
          SessionProbeSix.class);

  /** Whether a worker runs another class's tests in between varies: a few runs show it. */
  private static final int RUNS = 3;

  @Test
  void everyTestOfAClassSeesItsClassSessionWhicheverParallelWorkerRunsIt() {
    assumeTrue(Target.runTarget().hasControlApi(), "the target has no control API: no sessions");
    for (int run = 0; run < RUNS; run++) {
      runTheProbesAtOnce();
    }
  }

  private static void runTheProbesAtOnce() {
    SessionProbe.OWN_KEYS.clear();
    LauncherDiscoveryRequest request =
        request()
            .selectors(PROBES.stream().map(c -> selectClass(c)).toList())
            // What the conformance runner sets on a sandbox target.
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .configurationParameter(
                "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
            .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
            .configurationParameter(ClassSessions.PARAMETER, "true")
            .build();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    LauncherFactory.create().execute(request, listener);

    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 5);
    assertThat(summary.getTotalFailureCount()).as(failures.toString()).isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(PROBES.size() * 9L);
    assertThat(SessionProbe.OWN_KEYS.keySet()).containsExactlyInAnyOrderElementsOf(PROBES);
    assertThat(SessionProbe.OWN_KEYS.values())
        .doesNotHaveDuplicates()
        .allSatisfy(key -> assertThat(key).startsWith("sk_test_session_"));
  }
}
