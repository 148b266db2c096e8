package pelcro.exports.scaleout.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the whole contract suite, sandbox-only tests included ({@code --target sandbox}: the
 * control API is reached through nginx too), through a load balancer, by the suite's runner jar in
 * a JVM of its own, as {@code bin/contract-against-jar} runs it: its totals, and how many requests
 * nginx passed to each node meanwhile.
 */
public record ContractRun(
    int exitStatus,
    int passed,
    int failed,
    int skipped,
    String summary,
    double seconds,
    Map<String, Long> byNode) {
  private static final Pattern TOTALS =
      Pattern.compile("tests: (\\d+) passed, (\\d+) failed, (\\d+) skipped");

  /** Runs the suite through {@code nginx}; its report goes to {@code dir/contract}. */
  public static ContractRun through(Nginx nginx, Path dir) throws Exception {
    Path report = Files.createDirectories(dir.resolve("contract"));
    int mark = nginx.accessLogLines();
    long started = System.nanoTime();
    Process runner =
        new ProcessBuilder(
                List.of(
                    Tools.JAVA,
                    "-jar",
                    Tools.jar("scaleout.contractJar").toString(),
                    "--base-url",
                    nginx.endpoint().baseUrl(),
                    "--target",
                    "sandbox",
                    "--enterprise-key",
                    "sk_test_enterprise",
                    "--site-id",
                    "1001",
                    "--basic-key",
                    "sk_test_basic",
                    "--basic-site-id",
                    "3001",
                    "--other-key",
                    "sk_test_enterprise_2",
                    "--other-site-id",
                    "2001",
                    "--allow-writes",
                    "--timeout-seconds",
                    "30",
                    "--report-dir",
                    report.toString()))
            .redirectErrorStream(true)
            .redirectOutput(report.resolve("runner.log").toFile())
            .start();
    if (!runner.waitFor(7, TimeUnit.MINUTES)) {
      runner.destroyForcibly().waitFor();
      throw new AssertionError(
          "the contract runner did not finish within 7 minutes; see "
              + report.resolve("runner.log"));
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    Path summaryFile = report.resolve("contract-summary.txt");
    assertThat(summaryFile)
        .as("the runner's summary (runner log: %s)", report.resolve("runner.log"))
        .exists();
    String summary = Files.readString(summaryFile);
    Matcher totals = TOTALS.matcher(summary);
    assertThat(totals.find()).as("totals in the summary:\n%s", summary).isTrue();
    return new ContractRun(
        runner.exitValue(),
        Integer.parseInt(totals.group(1)),
        Integer.parseInt(totals.group(2)),
        Integer.parseInt(totals.group(3)),
        summary,
        seconds,
        nginx.answersByNodeSince(mark));
  }

  /**
   * Asserts that every test passed, none was skipped, and each node answered over a quarter of the
   * requests (round-robin: about half each; neither may be idle).
   */
  public void assertPassedOnEveryNode(List<SandboxNode> nodes) {
    assertThat(exitStatus).as("the runner's exit status; summary:\n%s", summary).isZero();
    assertThat(failed).as("failed tests:\n%s", summary).isZero();
    assertThat(skipped).as("skipped tests (--target sandbox runs them all):\n%s", summary).isZero();
    assertThat(passed).isPositive();
    long total = byNode.values().stream().mapToLong(Long::longValue).sum();
    for (SandboxNode node : nodes) {
      assertThat(byNode.getOrDefault(node.address(), 0L))
          .as("requests %s answered of %d (%s)", node, total, byNode)
          .isGreaterThan(total / 4);
    }
  }
}
