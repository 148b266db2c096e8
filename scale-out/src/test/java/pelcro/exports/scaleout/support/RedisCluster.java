package pelcro.exports.scaleout.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of three masters on free 127.0.0.1 ports: three {@code redis-server
 * --cluster-enabled yes} (append-only file on, {@code appendfsync always}), each in a folder of its
 * own, joined by {@code redis-cli --cluster create --cluster-yes}.
 */
public final class RedisCluster {
  private final List<Integer> ports;
  private final List<LocalProcess> processes;

  private RedisCluster(List<Integer> ports, List<LocalProcess> processes) {
    this.ports = ports;
    this.processes = processes;
  }

  public static RedisCluster start(Path dir) throws IOException, InterruptedException {
    List<Integer> ports = new ArrayList<>();
    List<LocalProcess> processes = new ArrayList<>();
    RedisCluster cluster = new RedisCluster(ports, processes);
    try {
      for (int i = 0; i < 3; i++) {
        int port = Ports.free();
        Path folder = Files.createDirectories(dir.resolve("redis-" + port));
        LocalProcess process =
            LocalProcess.start(
                "redis-cluster-" + port,
                List.of(
                    Tools.REDIS_SERVER,
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "2000",
                    "--dir",
                    folder.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "yes",
                    "--appendfsync",
                    "always",
                    "--daemonize",
                    "no",
                    "--loglevel",
                    "warning"),
                folder.resolve("redis.log"));
        ports.add(port);
        processes.add(process);
        Ports.awaitListening(port, process, Duration.ofSeconds(60));
      }
      List<String> create = new ArrayList<>(List.of(cli(), "--cluster", "create"));
      ports.forEach(p -> create.add("127.0.0.1:" + p));
      create.add("--cluster-yes");
      run(create, dir.resolve("cluster-create.log"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!cluster.ok(dir)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the cluster did not reach cluster_state:ok in 60 s");
        }
        Thread.sleep(100);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3}, for {@code --state}. */
  public String uri() {
    return "redis-cluster://"
        + ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
  }

  public void stop() {
    processes.forEach(p -> p.stop(Duration.ofSeconds(10)));
  }

  private boolean ok(Path dir) throws IOException, InterruptedException {
    for (int port : ports) {
      String info =
          run(
              List.of(cli(), "-p", Integer.toString(port), "cluster", "info"),
              dir.resolve("info.log"));
      if (!info.contains("cluster_state:ok")) {
        return false;
      }
    }
    return true;
  }

  private static String cli() {
    return Tools.REDIS_SERVER.replace("redis-server", "redis-cli");
  }

  private static String run(List<String> command, Path log)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException(
          String.join(" ", command) + " failed: " + Files.readString(log, StandardCharsets.UTF_8));
    }
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
