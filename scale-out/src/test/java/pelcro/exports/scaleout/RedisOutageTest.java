package pelcro.exports.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.scaleout.support.Endpoint.uuidOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.scaleout.support.Answer;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.Ports;
import pelcro.exports.scaleout.support.SandboxNode;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;
import pelcro.exports.scaleout.support.ServiceUnavailable;

/**
 * Redis going away: a node whose Redis does not answer (frozen) or cannot be reached (killed)
 * answers every request 503 in the vendor's error shape with {@code Retry-After}, never a stack
 * trace, says so on {@code /health}, and serves again by itself when Redis is back; Redis killed
 * and restarted from its append-only file has lost nothing it acknowledged.
 */
@Order(5)
@ExtendWith(ScaleOutExtension.class)
class RedisOutageTest {
  private static final String ENTERPRISE_KEY = "sk_test_enterprise";
  private static final String ALREADY_DOWNLOADED =
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          .getValue();

  /** How long the nodes may take to serve again once Redis answers again. */
  private static final Duration RECOVERY = Duration.ofSeconds(1);

  /** How long an answer may take while Redis is away. */
  private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(2);

  private final ExecutorService pool = Executors.newFixedThreadPool(24);
  private final Map<SandboxNode, Integer> marks = new LinkedHashMap<>();

  @BeforeEach
  void everythingRuns(ScaleOut deployment) {
    deployment.ensureRunning();
    deployment.nodes().forEach(node -> marks.put(node, node.outputMark()));
  }

  @AfterEach
  void redisRuns(ScaleOut deployment) {
    pool.shutdownNow();
    if (deployment.redis().alive()) {
      deployment.redis().thaw();
    } else {
      deployment.redis().restart();
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void whileRedisDoesNotAnswerEveryRequestIs503InTheVendorsShapeAndTheNodesRecoverByThemselves(
      ScaleOut deployment) throws Exception {
    Endpoint lb = deployment.lb();
    String key = lb.session().key();
    String uuid = uuidOf(lb.request(key, "orders"));

    deployment.redis().freeze(); // SIGSTOP: connections stay open, nothing is answered
    Instant frozen = Instant.now();
    List<Answer> answers;
    List<Answer> health;
    try {
      List<Supplier<Answer>> probes = new ArrayList<>();
      List<Endpoint> endpoints =
          new ArrayList<>(deployment.nodes().stream().map(SandboxNode::endpoint).toList());
      endpoints.add(lb);
      for (Endpoint e : endpoints) {
        probes.add(() -> e.list(ENTERPRISE_KEY));
        probes.add(() -> e.list(key));
        probes.add(() -> e.request(key, "customers"));
        probes.add(() -> e.download(key, uuid));
        probes.add(() -> e.clock(key));
        probes.add(e::controlClock);
        probes.add(() -> sessionRequest(e));
      }
      // All at once: each waits for Redis' command timeout.
      List<Future<Answer>> probed = submit(probes.stream().map(RedisOutageTest::timed).toList());
      List<Future<Answer>> healthProbed =
          submit(
              deployment.nodes().stream()
                  .<Supplier<Answer>>map(n -> () -> n.endpoint().health())
                  .toList());
      answers = await(probed);
      health = await(healthProbed);
    } finally {
      deployment.redis().thaw();
    }
    Duration outage = Duration.between(frozen, Instant.now());
    answers.forEach(ServiceUnavailable::assertAnswered);
    health.forEach(RedisOutageTest::assertHealthSaysUnreachable);
    assertLoggedOncePerAnswer(deployment, answers.size());

    Duration recovery = awaitRecovery(deployment, key);
    assertThat(recovery).isLessThanOrEqualTo(RECOVERY);
    System.out.printf(
        "scale-out: Redis frozen (SIGSTOP) %.1f s: %d requests on both nodes and "
            + "through nginx answered 503 {\"message\": ...} with Retry-After, /health 503; every node "
            + "served again %.1f s after SIGCONT%n",
        outage.toMillis() / 1e3, answers.size(), recovery.toMillis() / 1e3);
    assertNoStackTraces(deployment);
  }

  @Test
  @Order(2)
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void whileRedisDoesNotAnswerTheDocsPageSpecIsServedOrRefused503NeverAServerError(
      ScaleOut deployment) throws Exception {
    deployment.redis().freeze();
    List<Answer> specs;
    try {
      // The docs page's copy of the spec: served, or refused with a 503, never a 500.
      specs =
          all(
              deployment.nodes().stream()
                  .<Supplier<Answer>>map(n -> () -> n.endpoint().docsSpec())
                  .toList());
    } finally {
      deployment.redis().thaw();
    }
    for (Answer spec : specs) {
      assertThat(spec.status()).as("%s", spec).isIn(200, 503);
      if (spec.status() == 503) {
        ServiceUnavailable.assertAnswered(spec);
      }
    }
    assertNoStackTraces(deployment);
  }

  @Test
  @Order(3)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void redisKilledAndRestartedFromItsAppendOnlyFileHasLostNothingAndTheNodesRecoverByThemselves(
      ScaleOut deployment) throws Exception {
    Endpoint lb = deployment.lb();
    String key = lb.session().key();
    String finished = uuidOf(lb.request(key, "subscriptions"));
    String downloaded = uuidOf(lb.request(key, "customers"));
    assertThat(lb.advanceClock(key, 45).status()).isEqualTo(200); // both finished
    assertThat(lb.download(key, downloaded).status()).isEqualTo(200);
    JsonNode clockBefore = lb.clock(key).json().path("offset_seconds");

    deployment.redis().kill(); // SIGKILL: no shutdown, no final save
    List<Supplier<Answer>> probes = new ArrayList<>();
    for (SandboxNode node : deployment.nodes()) {
      probes.add(() -> node.endpoint().list(key));
      probes.add(() -> node.endpoint().request(key, "orders"));
    }
    probes.add(() -> lb.download(key, finished));
    List<Answer> answers = all(probes.stream().map(RedisOutageTest::timed).toList());
    List<Answer> health =
        all(
            deployment.nodes().stream()
                .<Supplier<Answer>>map(n -> () -> n.endpoint().health())
                .toList());
    deployment.redis().restart(); // returns once it answers PING
    long restarted = System.nanoTime();
    answers.forEach(ServiceUnavailable::assertAnswered);
    health.forEach(RedisOutageTest::assertHealthSaysUnreachable);

    Duration recovery = awaitRecovery(deployment, key);
    System.out.printf(
        "scale-out: Redis killed (SIGKILL) and restarted from its append-only "
            + "file: every node served again %.2f s after Redis answered again%n",
        (System.nanoTime() - restarted) / 1e9);
    // Nothing Redis acknowledged is lost: the session, its clock, both exports' states.
    assertThat(lb.clock(key).json().path("offset_seconds"))
        .as("the account's clock")
        .isEqualTo(clockBefore);
    Answer again = lb.download(key, downloaded);
    assertThat(again.status()).as("%s", again).isEqualTo(400);
    assertThat(again.message()).isEqualTo(ALREADY_DOWNLOADED);
    Answer file = lb.download(key, finished);
    assertThat(file.status()).as("%s", file).isEqualTo(200);
    assertThat(lb.download(key, finished).message()).isEqualTo(ALREADY_DOWNLOADED);
    assertThat(recovery).isLessThanOrEqualTo(RECOVERY);
    assertNoStackTraces(deployment);
  }

  /** POST /__admin/sandbox/sessions: the control API needs the store too. */
  private static Answer sessionRequest(Endpoint endpoint) {
    return endpoint.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(endpoint.root() + "/__admin/sandbox/sessions"))
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
  }

  /** Every node accepts reads and writes again, within {@link #RECOVERY}; how long it took. */
  private static Duration awaitRecovery(ScaleOut deployment, String key) {
    Instant start = Instant.now();
    Instant deadline = start.plus(RECOVERY);
    Map<String, Answer> last = new LinkedHashMap<>();
    for (SandboxNode node : deployment.nodes()) {
      Endpoint e = node.endpoint();
      while (true) {
        Answer health = e.health();
        // A write: the account's clock moved by 0 s is a Redis script like every commit.
        Answer write = health.status() == 200 ? e.advanceClock(key, 0) : health;
        last.put(node.name(), write);
        if (write.status() == 200 && e.list(key).status() == 200) {
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new AssertionError(
              node
                  + " did not serve again within "
                  + RECOVERY.toSeconds()
                  + " s of Redis' return; last answers "
                  + last
                  + "; its log:\n"
                  + Ports.tail(node.outputSince(0), 6));
        }
        sleep(Duration.ofMillis(20));
      }
    }
    return Duration.between(start, Instant.now());
  }

  private static void assertHealthSaysUnreachable(Answer health) {
    assertThat(health.status()).as("%s", health).isEqualTo(503);
    assertThat(health.json().path("state_reachable").asBoolean(true)).as("%s", health).isFalse();
    assertThat(health.json().path("state_problem").asText())
        .as("%s", health)
        .startsWith("Redis does not answer");
  }

  /** The probe, failing the test if its answer took longer than {@link #ANSWERED_WITHIN}. */
  private static Supplier<Answer> timed(Supplier<Answer> probe) {
    return () -> {
      long start = System.nanoTime();
      Answer answer = probe.get();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).as("time to answer %s", answer).isLessThanOrEqualTo(ANSWERED_WITHIN);
      return answer;
    };
  }

  /** One warning per request answered 503 (not a second one for the lint's observation). */
  private void assertLoggedOncePerAnswer(ScaleOut deployment, int answered) {
    long warnings =
        marks.entrySet().stream()
            .mapToLong(
                e ->
                    e.getKey()
                        .outputSince(e.getValue())
                        .lines()
                        .filter(line -> line.contains("State unreachable on"))
                        .count())
            .sum();
    assertThat(warnings).as("warnings for %d answers", answered).isBetween(1L, (long) answered);
  }

  private void assertNoStackTraces(ScaleOut deployment) {
    marks.forEach(
        (node, mark) ->
            assertThat(SandboxNode.stackTraceLines(node.outputSince(mark)))
                .as("stack trace lines in the output of %s (%s)", node, node.process().log())
                .isEmpty());
  }

  private List<Answer> all(List<Supplier<Answer>> requests) throws Exception {
    return await(submit(requests));
  }

  private List<Future<Answer>> submit(List<Supplier<Answer>> requests) {
    List<Future<Answer>> futures = new ArrayList<>();
    requests.forEach(r -> futures.add(pool.submit(r::get)));
    return futures;
  }

  private static List<Answer> await(List<Future<Answer>> futures) throws Exception {
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> f : futures) {
      answers.add(f.get(60, TimeUnit.SECONDS));
    }
    return answers;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
