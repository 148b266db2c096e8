package pelcro.exports.scaleout;

import static pelcro.exports.scaleout.support.Endpoint.uuidOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.openapi.model.ConflictError;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.scaleout.support.Answer;
import pelcro.exports.scaleout.support.Endpoint;
import pelcro.exports.scaleout.support.Race;
import pelcro.exports.scaleout.support.ScaleOut;
import pelcro.exports.scaleout.support.ScaleOutExtension;

/**
 * The two invariants that must hold across nodes, under contention, through the load balancer: one
 * running export per type per account (request-export: "Export in progress"), and one download per
 * file (download-export: the file is deleted after its first download). Each trial releases 20
 * identical requests of one account at once; nginx spreads them over both nodes, which decide on
 * one Redis.
 *
 * <p>The trials run in a few streams side by side, each in a session of its own (an account of its
 * own), so that the run is not a queue of round trips on a busy machine; within a trial the 20
 * requests are one account's.
 */
@Order(2)
@ExtendWith(ScaleOutExtension.class)
class OneWinnerAcrossNodesTest {
  /** Trials per invariant; {@code -Dscaleout.trials=N} changes it (e.g. for a quick look). */
  private static final int TRIALS = Integer.getInteger("scaleout.trials", 1000);

  /** Streams of trials side by side, each on its own account. */
  private static final int STREAMS = Integer.getInteger("scaleout.streams", 4);

  private static final int RACERS = 20;
  private static final String IN_PROGRESS = ConflictError.MessageEnum.EXPORT_IN_PROGRESS.getValue();
  private static final String ALREADY_DOWNLOADED =
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          .getValue();

  /**
   * Longer than the nodes' --job-seconds: advancing the account's clock by it finishes an export.
   */
  private static final long JOB_SECONDS_AND_MORE = 3;

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void exactlyOneOfTwentyConcurrentRequestsOfATypeIsAcceptedInEachOfAThousandTrials(
      ScaleOut deployment) throws Exception {
    Endpoint lb = deployment.lb();
    Tally tally = new Tally(deployment, "POST /exports (one account, one type)");
    runTrials(
        lb,
        (key, race, trial) -> {
          tally.add(trial, race.run(() -> lb.request(key, "subscriptions")), 409, IN_PROGRESS);
          tally.require(
              trial, lb.reset(key)); // the test helper: the account's exports are forgotten
        });
    tally.print();
    tally.assertBothNodesWon();
  }

  @Test
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void exactlyOneOfTwentyConcurrentDownloadsOfAFileGetsItInEachOfAThousandTrials(
      ScaleOut deployment) throws Exception {
    Endpoint lb = deployment.lb();
    Tally tally = new Tally(deployment, "GET /exports/{uuid} (one finished file)");
    runTrials(
        lb,
        (key, race, trial) -> {
          String uuid = uuidOf(tally.count(lb.request(key, "subscriptions")));
          // The test helper moves the account's clock past the job's end: the file is ready.
          tally.require(trial, lb.advanceClock(key, JOB_SECONDS_AND_MORE));
          Answer file =
              tally.add(trial, race.run(() -> lb.download(key, uuid)), 400, ALREADY_DOWNLOADED);
          // The one 200 is the whole file: a CSV with its header and rows, ended by a newline.
          String csv = new String(file.body(), StandardCharsets.UTF_8);
          if (!file.header("Content-Type").orElse("").equals("application/force-download")
              || !csv.startsWith("id,")
              || !csv.endsWith("\n")
              || csv.lines().count() < 2) {
            throw new AssertionError("trial " + trial + ": not a whole CSV file: " + file);
          }
        });
    tally.print();
    tally.assertBothNodesWon();
  }

  /** One trial of a stream: its account's key, its racers, the trial's number. */
  @FunctionalInterface
  private interface Trial {
    void run(String key, Race race, int number);
  }

  /**
   * {@code TRIALS} trials in {@code STREAMS} streams, each in a session; the first failure ends
   * all.
   */
  private static void runTrials(Endpoint lb, Trial trial) throws Exception {
    ExecutorService streams = Executors.newFixedThreadPool(STREAMS);
    AtomicBoolean failed = new AtomicBoolean();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int s = 0; s < STREAMS; s++) {
        int stream = s;
        running.add(
            streams.submit(
                () -> {
                  String key = lb.session().key();
                  try (Race race = new Race(RACERS)) {
                    for (int n = stream + 1; n <= TRIALS && !failed.get(); n += STREAMS) {
                      try {
                        trial.run(key, race, n);
                      } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> stream : running) {
        try {
          stream.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error; // an assertion of a trial
          }
          throw e;
        }
      }
    } finally {
      streams.shutdownNow();
    }
  }

  /** What the trials saw: answers and winners per node, and how long the races took. */
  private static final class Tally {
    private final ScaleOut deployment;
    private final String what;
    private final Map<String, Integer> answersByNode = new TreeMap<>();
    private final Map<String, Integer> winsByNode = new TreeMap<>();
    private final List<Long> roundNanos = new ArrayList<>();
    private final long started = System.nanoTime();
    private int requests;

    Tally(ScaleOut deployment, String what) {
      this.deployment = deployment;
      this.what = what;
    }

    /**
     * Checks one round: exactly one 200, every other answer {@code loserStatus} with {@code
     * loserMessage}, and both nodes among those that answered. Returns the winner.
     */
    Answer add(int trial, Race.Round round, int loserStatus, String loserMessage) {
      List<Answer> answers = round.answers();
      List<Answer> winners = answers.stream().filter(a -> a.status() == 200).toList();
      if (winners.size() != 1
          || answers.stream()
              .anyMatch(
                  a ->
                      a.status() != 200
                          && (a.status() != loserStatus || !loserMessage.equals(a.message())))) {
        throw new AssertionError(
            "trial "
                + trial
                + ": expected one 200 and "
                + (answers.size() - 1)
                + " × "
                + loserStatus
                + " \""
                + loserMessage
                + "\", got:\n"
                + String.join("\n", answers.stream().map(a -> a + " via " + node(a)).toList()));
      }
      List<String> nodes = answers.stream().map(this::node).distinct().toList();
      if (nodes.size() != 2) {
        throw new AssertionError("trial " + trial + ": answered by " + nodes + " only");
      }
      synchronized (this) {
        requests += answers.size();
        roundNanos.add(round.nanos());
        answers.forEach(a -> answersByNode.merge(node(a), 1, Integer::sum));
        winsByNode.merge(node(winners.get(0)), 1, Integer::sum);
      }
      return winners.get(0);
    }

    /** A request around the race, answered 200. */
    void require(int trial, Answer answer) {
      count(answer);
      if (answer.status() != 200) {
        throw new AssertionError("trial " + trial + ": " + answer);
      }
    }

    synchronized Answer count(Answer answer) {
      requests++;
      return answer;
    }

    private String node(Answer answer) {
      return deployment.nodeName(
          answer
              .node()
              .orElseThrow(() -> new AssertionError("no " + "upstream header: " + answer)));
    }

    synchronized void print() {
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] millis = roundNanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
      System.out.printf(
          "scale-out: %d trials (%d streams) of %d concurrent %s through nginx: "
              + "%d requests in %.1f s (%.0f requests/s); one winner per trial, wins %s; answers %s; "
              + "a round took %d ms median, %d ms p99, %d ms max%n",
          roundNanos.size(),
          STREAMS,
          RACERS,
          what,
          requests,
          seconds,
          requests / seconds,
          winsByNode,
          answersByNode,
          percentile(millis, 50),
          percentile(millis, 99),
          millis.length == 0 ? 0 : millis[millis.length - 1]);
    }

    /** The winner was decided on either node: the contention really crossed nodes. */
    synchronized void assertBothNodesWon() {
      if (roundNanos.size() >= 20 && winsByNode.size() != 2) {
        throw new AssertionError("every winner on one node: " + winsByNode);
      }
    }

    private static long percentile(long[] sorted, int p) {
      return sorted.length == 0
          ? 0
          : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }
}
