package pelcro.exports.sandbox.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster of three masters on free ports of 127.0.0.1 for a test class (a static
 * {@code @RegisterExtension} field): three {@code redis-server --cluster-enabled yes} (six with a
 * replica each), joined by {@code redis-cli --cluster create --cluster-yes}, each in a folder of
 * its own, all stopped after the class.
 */
public final class ClusterRedis implements BeforeAllCallback, AfterAllCallback {
  private final List<Integer> ports = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final int replicasPerMaster;
  private Path dir;

  /** Three masters, no replicas. */
  public ClusterRedis() {
    this(0);
  }

  /** Three masters with {@code replicasPerMaster} replicas each. */
  public ClusterRedis(int replicasPerMaster) {
    this.replicasPerMaster = replicasPerMaster;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    RedisServer.assumeInstalled();
    dir = Files.createTempDirectory("exports-cluster");
    for (int i = 0; i < 3 * (1 + replicasPerMaster); i++) {
      int port = RedisProcesses.freePort();
      Path folder = Files.createDirectories(dir.resolve("redis-" + port));
      processes.add(
          RedisProcesses.start(
              RedisProcesses.server(
                  port,
                  folder,
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  "nodes.conf",
                  "--cluster-node-timeout",
                  "2000",
                  "--appendonly",
                  "no"),
              folder));
      ports.add(port);
    }
    for (int i = 0; i < ports.size(); i++) {
      RedisProcesses.awaitListening(
          ports.get(i), processes.get(i), dir.resolve("redis-" + ports.get(i)));
    }
    List<String> create = new ArrayList<>(List.of("/usr/bin/redis-cli", "--cluster", "create"));
    ports.forEach(p -> create.add("127.0.0.1:" + p));
    create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster)));
    create.add("--cluster-yes");
    run(create);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!clusterOk()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cluster did not reach cluster_state:ok in 30 s");
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3}, for {@code --state}. */
  public String uri() {
    return "redis-cluster://"
        + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  public List<Integer> ports() {
    return List.copyOf(ports);
  }

  /** SIGKILL to the server on {@code port}: its replica takes over its slots. */
  public void kill(int port) throws InterruptedException {
    Process process = processes.get(ports.indexOf(port));
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private boolean clusterOk() throws IOException, InterruptedException {
    for (int port : ports) {
      String info =
          run(List.of("/usr/bin/redis-cli", "-p", Integer.toString(port), "cluster", "info"));
      String replication =
          run(List.of("/usr/bin/redis-cli", "-p", Integer.toString(port), "info", "replication"));
      if (!info.contains("cluster_state:ok")
          || (replication.contains("role:slave") && !replication.contains("master_link_status:up"))
          || (replication.contains("role:master")
              && !replication.contains("connected_slaves:" + replicasPerMaster))) {
        return false;
      }
    }
    return true;
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "redis-cli", ".log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
    }
    return Files.readString(log);
  }
}
