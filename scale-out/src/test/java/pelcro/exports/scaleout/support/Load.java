package pelcro.exports.scaleout.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests sent in a loop from a few threads while a test breaks something, tallied by phase (what
 * the test was doing) and by the node that answered; every answer other than 200 is kept.
 */
public final class Load {
  private final ExecutorService threads;
  private final ScaleOut deployment;
  private final Map<String, Map<String, Integer>> byPhase = new TreeMap<>();
  private final List<Answer> failures = new ArrayList<>();
  private volatile String phase;
  private volatile boolean running = true;

  private Load(ScaleOut deployment, int threadCount, String firstPhase) {
    this.deployment = deployment;
    this.threads = Executors.newFixedThreadPool(threadCount);
    this.phase = firstPhase;
  }

  /** Starts {@code threadCount} threads, each sending {@code request} until {@link #stop}. */
  public static Load start(
      ScaleOut deployment, int threadCount, String firstPhase, Supplier<Answer> request) {
    Load load = new Load(deployment, threadCount, firstPhase);
    for (int i = 0; i < threadCount; i++) {
      load.threads.execute(
          () -> {
            while (load.running) {
              load.record(request.get());
            }
          });
    }
    return load;
  }

  /** Answers from now on count under {@code name}. */
  public void phase(String name) {
    phase = name;
  }

  /** Answers per phase and node, e.g. {@code {"1 before": {"node-a": 120, "node-b": 119}}}. */
  public synchronized Map<String, Map<String, Integer>> byPhase() {
    Map<String, Map<String, Integer>> copy = new TreeMap<>();
    byPhase.forEach((p, nodes) -> copy.put(p, new TreeMap<>(nodes)));
    return copy;
  }

  public synchronized List<Answer> failures() {
    return List.copyOf(failures);
  }

  private synchronized void record(Answer answer) {
    String node = answer.node().map(deployment::nodeName).orElse("none");
    byPhase.computeIfAbsent(phase, p -> new TreeMap<>()).merge(node, 1, Integer::sum);
    if (answer.status() != 200) {
      failures.add(answer);
    }
  }

  /** Stops the threads once their requests are answered. */
  public void stop() throws InterruptedException {
    running = false;
    threads.shutdown();
    if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
      threads.shutdownNow();
    }
  }
}
