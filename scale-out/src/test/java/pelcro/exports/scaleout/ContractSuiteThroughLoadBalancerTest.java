package pelcro.exports.scaleout;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.scaleout.support.ContractRun;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;

/**
 * The whole contract suite, sandbox-only tests included ({@code --target sandbox}: the control API
 * is reached through nginx too), against two nodes behind the load balancer, run by the suite's
 * runner jar in a JVM of its own, as {@code bin/contract-against-jar} runs it.
 */
@Order(1)
@ExtendWith(ScaleOutExtension.class)
class ContractSuiteThroughLoadBalancerTest {

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void theContractSuitePassesThroughTheLoadBalancerWithBothNodesAnswering(ScaleOut deployment)
      throws Exception {
    ContractRun run = ContractRun.through(deployment.nginx(), deployment.dir());
    System.out.printf(
        "scale-out: contract suite through nginx (--target sandbox): %d passed, %d "
            + "failed, %d skipped in %.1f s; requests answered by %s%n",
        run.passed(), run.failed(), run.skipped(), run.seconds(), named(deployment, run.byNode()));

    run.assertPassedOnEveryNode(deployment.nodes());
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
