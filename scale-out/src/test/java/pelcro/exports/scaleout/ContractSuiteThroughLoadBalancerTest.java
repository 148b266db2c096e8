package pelcro.exports.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;
import pelcro.exports.scaleout.support.Tools;

/**
 * The whole contract suite, sandbox-only tests included ({@code --target sandbox}: the control API
 * is reached through nginx too), against two nodes behind the load balancer, run by the suite's
 * runner jar in a JVM of its own, as {@code bin/contract-against-jar} runs it.
 */
@Order(1)
@ExtendWith(ScaleOutExtension.class)
class ContractSuiteThroughLoadBalancerTest {
  private static final Pattern TOTALS =
      Pattern.compile("tests: (\\d+) passed, (\\d+) failed, (\\d+) skipped");

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void theContractSuitePassesThroughTheLoadBalancerWithBothNodesAnswering(ScaleOut deployment)
      throws Exception {
    Endpoint lb = deployment.lb();
    Path report = Files.createDirectories(deployment.dir().resolve("contract"));
    int mark = deployment.nginx().accessLogLines();
    long started = System.nanoTime();
    Process runner =
        new ProcessBuilder(
                List.of(
                    Tools.JAVA,
                    "-jar",
                    Tools.jar("scaleout.contractJar").toString(),
                    "--base-url",
                    lb.baseUrl(),
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
    int passed = Integer.parseInt(totals.group(1));
    Map<String, Long> byNode = deployment.nginx().answersByNodeSince(mark);
    System.out.printf(
        "scale-out: contract suite through nginx (--target sandbox): %d passed, %s "
            + "failed, %s skipped in %.1f s; requests answered by %s%n",
        passed, totals.group(2), totals.group(3), seconds, named(deployment, byNode));

    assertThat(runner.exitValue()).as("the runner's exit status; summary:\n%s", summary).isZero();
    assertThat(totals.group(2)).as("failed tests:\n%s", summary).isEqualTo("0");
    assertThat(totals.group(3))
        .as("skipped tests (--target sandbox runs them all):\n%s", summary)
        .isEqualTo("0");
    assertThat(passed).isPositive();
    // Round-robin: each node answers about half; neither may be idle.
    long total = byNode.values().stream().mapToLong(Long::longValue).sum();
    for (var node : deployment.nodes()) {
      assertThat(byNode.getOrDefault(node.address(), 0L))
          .as("requests %s answered of %d (%s)", node, total, byNode)
          .isGreaterThan(total / 4);
    }
  }

  static String named(ScaleOut deployment, Map<String, Long> byNode) {
    StringBuilder text = new StringBuilder();
    byNode.forEach(
        (address, count) ->
            text.append(text.isEmpty() ? "" : ", ")
                .append(deployment.nodeName(address))
                .append(' ')
                .append(count));
    return text.toString();
  }
}
