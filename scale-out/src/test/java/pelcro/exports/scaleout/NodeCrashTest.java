package pelcro.exports.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pelcro.exports.scaleout.support.Endpoint.uuidOf;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.scaleout.support.Answer;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.Load;
import pelcro.exports.scaleout.support.Nginx;
import pelcro.exports.scaleout.support.Ports;
import pelcro.exports.scaleout.support.SandboxNode;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;
import pelcro.exports.scaleout.support.ServiceUnavailable;

/**
 * A node killed with SIGKILL while it serves, and started again, loses nothing it acknowledged: its
 * state was never its own. Meanwhile nginx keeps answering from the other node; with no node at
 * all, nginx answers the sandbox's 503 itself.
 */
@Order(3)
@ExtendWith(ScaleOutExtension.class)
class NodeCrashTest {
  private static final String ALREADY_DOWNLOADED =
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          .getValue();

  @BeforeEach
  void everythingRuns(ScaleOut deployment) {
    deployment.ensureRunning();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aNodeKilledMidWayAndStartedAgainLosesNothingItAcknowledged(ScaleOut deployment)
      throws Exception {
    SandboxNode node = deployment.node(0);
    Endpoint viaNode = node.endpoint();
    Endpoint lb = deployment.lb();
    String key = lb.session().key();

    // Through the node that will die: a finished file, a downloaded one, a running export, and
    // the account's clock moved on (which finishes the first two).
    String finished = uuidOf(viaNode.request(key, "subscriptions"));
    String downloaded = uuidOf(viaNode.request(key, "customers"));
    assertThat(viaNode.advanceClock(key, 30).status()).isEqualTo(200);
    assertThat(viaNode.download(key, downloaded).status()).isEqualTo(200);
    Answer clockBefore = viaNode.clock(key);
    String running = uuidOf(viaNode.request(key, "invoices")); // finishes by itself (2 s jobs)

    // Reads through nginx all along (the test helper's clock: the session's key and its
    // account's clock, read from the store), before, during and after the node's death.
    long started = System.nanoTime();
    Duration down;
    Load load = Load.start(deployment, 4, "1 before the kill", () -> lb.clock(key));
    try {
      Thread.sleep(1000);
      load.phase("2 node killed, until ready again");
      long killed = System.nanoTime();
      node.kill();
      Thread.sleep(1000);
      node.restart();
      node.awaitReady(Duration.ofMinutes(3));
      down = Duration.ofNanos(System.nanoTime() - killed);
      load.phase("3 node started again");
      Thread.sleep(6000); // nginx tries a failed node again after fail_timeout (5 s)
    } finally {
      load.stop();
    }
    Map<String, Map<String, Integer>> answers = load.byPhase();
    assertThat(load.failures())
        .as("answers other than 200 through nginx; by phase %s", answers)
        .isEmpty();
    System.out.printf(
        "scale-out: %s killed (SIGKILL) and started again: down %.1f s; nginx "
            + "answered every request meanwhile: %s; scenario %.1f s%n",
        node, down.toMillis() / 1e3, answers, (System.nanoTime() - started) / 1e9);
    assertThat(answers.get("1 before the kill")).containsKeys("node-a", "node-b");
    assertThat(answers.get("3 node started again")).containsKeys("node-a", "node-b");

    // Nothing the dead node acknowledged is lost, whichever node is asked now.
    assertThat(viaNode.clock(key).json().path("offset_seconds"))
        .as("the account's clock")
        .isEqualTo(clockBefore.json().path("offset_seconds"));
    assertDownloadedOnce(lb, key, downloaded);
    Answer file = viaNode.download(key, finished);
    assertThat(file.status())
        .as("the finished file, from the restarted node: %s", file)
        .isEqualTo(200);
    assertDownloadedOnce(lb, key, finished);
    AtomicReference<Answer> last = new AtomicReference<>();
    await("the running export's file")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> last.updateAndGet(a -> lb.download(key, running)).status() != 404);
    assertThat(last.get().status()).as("%s", last.get()).isEqualTo(200);
    assertDownloadedOnce(viaNode, key, running);
    assertThat(SandboxNode.stackTraceLines(node.process().output()))
        .as("stack traces in %s", node.process().log())
        .isEmpty();
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void aNodeKilledMidDownloadLeavesTheFileDownloadableThroughAnotherNodeWithinAMinute(
      ScaleOut deployment) throws Exception {
    SandboxNode dying = deployment.node(0);
    Endpoint other = deployment.node(1).endpoint();
    String key = dying.endpoint().session().key();
    String uuid = uuidOf(dying.endpoint().request(key, "subscriptions"));
    assertThat(dying.endpoint().advanceClock(key, 30).status()).isEqualTo(200);
    // Written slowly, so that the node dies with the transfer half-way.
    assertThat(
            dying
                .endpoint()
                .addFault(
                    key,
                    Map.of(
                        "kind",
                        "download_slow",
                        "type",
                        "subscriptions",
                        "bytes_per_second",
                        5000,
                        "times",
                        1))
                .status())
        .isEqualTo(200);

    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<InputStream> transfer =
        client.send(
            dying.endpoint().downloadRequest(key, uuid), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(transfer.statusCode()).isEqualTo(200);
    assertThat(transfer.body().readNBytes(1000)).hasSize(1000);
    long killed = System.nanoTime();
    dying.kill();
    transfer.body().close();

    Answer meanwhile = other.download(key, uuid);
    assertThat(meanwhile.status())
        .as("while the dead node's claim holds: %s", meanwhile)
        .isEqualTo(400);
    AtomicReference<Answer> last = new AtomicReference<>();
    await("the file through the other node")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> last.updateAndGet(a -> other.download(key, uuid)).status() == 200);
    System.out.printf(
        "scale-out: %s killed mid-download; the file was downloaded through %s " + "%.1f s later%n",
        dying, deployment.node(1), (System.nanoTime() - killed) / 1e9);
    assertDownloadedOnce(other, key, uuid);
    dying.restart();
    dying.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void whenNoNodeAnswersTheLoadBalancerAnswers503InTheVendorsShape(ScaleOut deployment) {
    // The deployment's nginx configuration, over a node that is not there.
    Nginx nginx =
        Nginx.start(
            deployment.dir().resolve("nginx-no-node"), List.of("127.0.0.1:" + Ports.free()));
    try {
      Endpoint lb = nginx.endpoint();
      ServiceUnavailable.assertAnswered(lb.request("sk_test_enterprise", "subscriptions"));
      ServiceUnavailable.assertAnswered(lb.list("sk_test_enterprise"));
    } finally {
      nginx.stop();
    }
  }

  private static void assertDownloadedOnce(Endpoint endpoint, String key, String uuid) {
    Answer again = endpoint.download(key, uuid);
    assertThat(again.status()).as("%s", again).isEqualTo(400);
    assertThat(again.message()).isEqualTo(ALREADY_DOWNLOADED);
  }
}
