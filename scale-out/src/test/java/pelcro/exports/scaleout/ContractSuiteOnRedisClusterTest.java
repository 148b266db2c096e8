package pelcro.exports.scaleout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import pelcro.exports.scaleout.support.ContractRun;
import pelcro.exports.scaleout.support.Nginx;
import pelcro.exports.scaleout.support.RedisCluster;
import pelcro.exports.scaleout.support.SandboxNode;
import pelcro.exports.scaleout.support.Tools;

/**
 * The whole contract suite ({@code --target sandbox}) through nginx in front of two nodes whose
 * state is a real Redis Cluster of three masters ({@code --state redis-cluster://…}): every rule
 * holds with an account's keys on one master and the global indexes on others. A deployment of its
 * own, started once for the class and stopped after it.
 */
@Order(6)
class ContractSuiteOnRedisClusterTest {
  private static Path dir;
  private static RedisCluster cluster;
  private static final List<SandboxNode> nodes = new ArrayList<>();
  private static Nginx nginx;

  @BeforeAll
  static void startClusterNodesAndNginx() throws Exception {
    Tools.check();
    dir =
        Files.createDirectories(
            Path.of(System.getProperty("scaleout.workDir", "target/scale-out"))
                .resolve(
                    "cluster-"
                        + LocalDateTime.now()
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    cluster = RedisCluster.start(dir);
    Path jar = Tools.jar("scaleout.sandboxJar");
    nodes.add(SandboxNode.launch("cluster-node-a", jar, cluster.uri(), dir));
    nodes.add(SandboxNode.launch("cluster-node-b", jar, cluster.uri(), dir));
    nodes.forEach(node -> node.awaitReady(java.time.Duration.ofSeconds(180)));
    nginx = Nginx.start(dir.resolve("nginx"), nodes.stream().map(SandboxNode::address).toList());
  }

  @AfterAll
  static void stop() {
    if (nginx != null) {
      nginx.stop();
    }
    nodes.forEach(SandboxNode::stop);
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void theContractSuitePassesThroughTwoNodesOnARedisCluster() throws Exception {
    ContractRun run = ContractRun.through(nginx, dir);
    System.out.printf(
        "scale-out: contract suite through nginx, two nodes on a three-master Redis Cluster:"
            + " %d passed, %d failed, %d skipped in %.1f s; requests answered %s%n",
        run.passed(), run.failed(), run.skipped(), run.seconds(), run.byNode());

    run.assertPassedOnEveryNode(nodes);
  }
}
