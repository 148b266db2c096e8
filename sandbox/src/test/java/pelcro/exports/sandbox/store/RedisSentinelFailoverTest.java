package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.ExportIds;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.store.redis.RedisSettings;
import pelcro.exports.sandbox.support.SentinelRedis;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

/**
 * The store on a master found through a real {@code redis-sentinel}, with a replica, when the
 * master fails over during traffic (SENTINEL FAILOVER, or SIGKILL): the node follows the new
 * master; exports acknowledged by the old master after the replica stopped following it are lost
 * (asynchronous replication) unless {@code --state-wait-replicas} made the node wait for the
 * replica first. Each test has a master, replica and Sentinel of its own (a failover swaps their
 * roles).
 */
class RedisSentinelFailoverTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final JobTiming TIMING = JobTiming.of(Duration.ofSeconds(10), Duration.ofDays(7));

  /** As in production ({@code StateEngines}): WAIT gives up after 1 s, before the timeout. */
  private static final Duration TIMEOUT = Duration.ofMillis(1250);

  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private final ManualInstantSource clock = new ManualInstantSource(T0);
  private final List<SandboxState> states = new ArrayList<>();
  private SentinelRedis redis;

  @BeforeEach
  void startMasterReplicaAndSentinel() throws Exception {
    redis = SentinelRedis.start();
  }

  @AfterEach
  void stop() {
    states.forEach(SandboxState::close);
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void aNodeFollowsTheNewMasterWhenTheSentinelFailsOverDuringTraffic() throws Exception {
    failOverDuringTraffic(0, () -> redis.failover());
  }

  @Test
  void aNodeFollowsTheNewMasterWhenTheMasterIsKilledDuringTraffic() throws Exception {
    failOverDuringTraffic(0, () -> redis.kill(redis.masterPort()));
  }

  @Test
  void withWaitReplicasAFailoverDuringTrafficLosesNoAcknowledgedExport() throws Exception {
    List<Traffic.Write> lost = failOverDuringTraffic(1, () -> redis.failover());

    assertThat(lost).as("acknowledged exports lost with --state-wait-replicas 1").isEmpty();
  }

  @Test
  void withWaitReplicasAWriteNoReplicaHasIsAnsweredUnavailableNotAcknowledged() throws Exception {
    SandboxState node = node(1);
    ExportJob first = node.jobs().insertIfNoneRunning(job(1), T0);
    redis.kill(
        redis.serverPorts().stream()
            .filter(p -> p != redis.masterPort())
            .findFirst()
            .orElseThrow());

    assertThatThrownBy(() -> node.jobs().insertIfNoneRunning(job(2), T0))
        .isInstanceOf(StateUnavailable.class)
        .hasMessageContaining("reached 0 of 1 replicas");
    assertThat(node(0).jobs().jobs(1)).extracting(ExportJob::uuid).containsExactly(first.uuid());
  }

  /** What makes the Sentinel fail the master over. */
  private interface Failure {
    void strike() throws Exception;
  }

  /**
   * Four threads create exports through one node while the master fails over; the node must go on
   * writing, to the new master: every export acknowledged 2 s after the Sentinel names the new
   * master is kept. Returns the acknowledged exports that were lost (and prints the figures the
   * docs quote).
   */
  private List<Traffic.Write> failOverDuringTraffic(int waitReplicas, Failure failure)
      throws Exception {
    SandboxState node = node(waitReplicas);
    int oldMaster = redis.masterPort();
    Traffic traffic = new Traffic(node);

    traffic.runUntil(300, Duration.ofSeconds(20));
    long failedAt = System.nanoTime();
    failure.strike();
    int newMaster = redis.awaitNewMaster(oldMaster, Duration.ofSeconds(30));
    long newMasterAt = System.nanoTime();
    Thread.sleep(2000);
    int before = traffic.acknowledged();
    traffic.runUntil(before + 300, Duration.ofSeconds(40));
    traffic.stop();

    assertThat(newMaster).isNotEqualTo(oldMaster);
    List<Traffic.Write> lost = traffic.lostOn(node(0));
    List<Traffic.Write> late =
        traffic.writes().stream().filter(w -> w.acknowledgedAt() > newMasterAt + ms(2000)).toList();
    assertThat(late).as("exports acknowledged 2 s after the failover").isNotEmpty();
    assertThat(lost)
        .as("lost exports acknowledged 2 s after the failover")
        .noneMatch(late::contains);
    System.out.printf(
        "failover during traffic (--state-wait-replicas %d): new master named %.0f ms after the"
            + " failure; %d exports acknowledged, %d refused (503) between %.0f and %.0f ms;"
            + " %d acknowledged ones lost%s%n",
        waitReplicas,
        (newMasterAt - failedAt) / 1e6,
        traffic.acknowledged(),
        traffic.refused(),
        traffic.firstRefusal(failedAt),
        traffic.lastRefusal(failedAt),
        lost.size(),
        lost.isEmpty()
            ? ""
            : String.format(
                ", acknowledged between %.0f and %.0f ms",
                (lost.get(0).acknowledgedAt() - failedAt) / 1e6,
                (lost.get(lost.size() - 1).acknowledgedAt() - failedAt) / 1e6));
    return lost;
  }

  private SandboxState node(int waitReplicas) {
    SandboxState state =
        new SandboxState(
            RedisEngine.connect(
                redis.uri(), prefix, TIMEOUT, new RedisSettings(null, waitReplicas)),
            clock);
    states.add(state);
    return state;
  }

  private static ExportJob job(long account) {
    return ExportJob.queued(
        ExportIds.next(T0),
        account,
        1,
        new ExportQuery(1001, "orders", Map.of("date_from", 1704067200L, "status", "active")),
        T0,
        TIMING);
  }

  private static long ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  /**
   * Four threads creating one export each for accounts of their own, one after the other, noting
   * which were acknowledged (and when) and how many were refused because Redis was away.
   */
  private static final class Traffic {
    record Write(long account, String uuid, long acknowledgedAt) {}

    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicLong accounts = new AtomicLong(1_000);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    Traffic(SandboxState node) {
      for (int t = 0; t < 4; t++) {
        threads.submit(
            () -> {
              long deadline = System.nanoTime() + ms(60_000);
              while (running.get() && System.nanoTime() < deadline) {
                long account = accounts.incrementAndGet();
                try {
                  ExportJob job = node.jobs().insertIfNoneRunning(job(account), T0);
                  writes.add(new Write(account, job.uuid(), System.nanoTime()));
                  acknowledged.incrementAndGet();
                } catch (StateUnavailable refused) {
                  refusals.add(System.nanoTime());
                }
              }
            });
      }
    }

    /** Until {@code count} exports were acknowledged, at most {@code within}. */
    void runUntil(int count, Duration within) throws InterruptedException {
      long deadline = System.nanoTime() + within.toNanos();
      while (acknowledged.get() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(acknowledged.get())
          .as("exports acknowledged within " + within)
          .isGreaterThanOrEqualTo(count);
    }

    void stop() throws InterruptedException {
      running.set(false);
      threads.shutdown();
      assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    int acknowledged() {
      return acknowledged.get();
    }

    int refused() {
      return refusals.size();
    }

    double firstRefusal(long since) {
      return refusals.stream().mapToLong(t -> t - since).min().orElse(0) / 1e6;
    }

    double lastRefusal(long since) {
      return refusals.stream().mapToLong(t -> t - since).max().orElse(0) / 1e6;
    }

    List<Write> writes() {
      return List.copyOf(writes);
    }

    /** The acknowledged exports that {@code reader} does not find, in the order acknowledged. */
    List<Write> lostOn(SandboxState reader) {
      return writes.stream()
          .filter(
              w ->
                  reader.jobs().jobs(w.account()).stream()
                      .noneMatch(j -> j.uuid().equals(w.uuid())))
          .sorted(java.util.Comparator.comparingLong(Write::acknowledgedAt))
          .toList();
    }
  }
}
