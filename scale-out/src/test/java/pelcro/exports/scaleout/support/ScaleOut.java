package pelcro.exports.scaleout.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The deployment under test: one redis-server, two sandbox nodes on it (separate processes), nginx
 * round-robin in front, all on free 127.0.0.1 ports. Started once per test run by {@link
 * ScaleOutExtension} and shared by the test classes, which leave it running as they found it
 * ({@link #ensureRunning}); stopped at the end of the run. Logs and Redis' append-only file stay in
 * {@code target/scale-out/run-<time>/}.
 */
public final class ScaleOut implements AutoCloseable {
  /** A node's start (JVM, spec, seeded data) on a loaded 2-core machine can take half a minute. */
  static final Duration NODE_START = Duration.ofSeconds(180);

  private final Path dir;
  private final RedisServer redis;
  private final List<SandboxNode> nodes;
  private final Nginx nginx;

  private ScaleOut(Path dir, RedisServer redis, List<SandboxNode> nodes, Nginx nginx) {
    this.dir = dir;
    this.redis = redis;
    this.nodes = nodes;
    this.nginx = nginx;
  }

  static ScaleOut start() throws Exception {
    long started = System.nanoTime();
    Path dir =
        Path.of(System.getProperty("scaleout.workDir", "target/scale-out"))
            .resolve(
                "run-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Files.createDirectories(dir.resolve("redis"));
    Path jar = Tools.jar("scaleout.sandboxJar");
    RedisServer redis = RedisServer.start(dir.resolve("redis"));
    SandboxNode a = null;
    SandboxNode b = null;
    Nginx nginx = null;
    try {
      a = SandboxNode.launch("node-a", jar, redis.uri(), dir);
      // Nodes of a real deployment start at different instants; so do these.
      Thread.sleep(1500);
      b = SandboxNode.launch("node-b", jar, redis.uri(), dir);
      a.awaitReady(NODE_START);
      b.awaitReady(NODE_START);
      nginx = Nginx.start(dir.resolve("nginx"), List.of(a.address(), b.address()));
    } catch (Exception | Error e) {
      for (SandboxNode node : new SandboxNode[] {a, b}) {
        if (node != null) {
          node.stop();
        }
      }
      redis.stop();
      throw e;
    }
    System.out.printf(
        "scale-out: redis-server on %s, %s and %s, nginx on %d: started in %.1f s "
            + "(logs in %s)%n",
        redis.uri(), a, b, nginx.port(), (System.nanoTime() - started) / 1e9, dir);
    return new ScaleOut(dir, redis, List.of(a, b), nginx);
  }

  /** The load balancer. */
  public Endpoint lb() {
    return nginx.endpoint();
  }

  public Nginx nginx() {
    return nginx;
  }

  public RedisServer redis() {
    return redis;
  }

  public List<SandboxNode> nodes() {
    return nodes;
  }

  public SandboxNode node(int index) {
    return nodes.get(index);
  }

  public Path dir() {
    return dir;
  }

  /**
   * Brings back what an earlier test may have stopped: Redis, then any dead node; waits until every
   * node is ready again.
   */
  public void ensureRunning() {
    if (!redis.alive()) {
      redis.restart();
    }
    for (SandboxNode node : nodes) {
      if (!node.alive()) {
        node.restart();
      }
    }
    nodes.forEach(node -> node.awaitReady(NODE_START));
  }

  /** The node of an address as nginx reports it ({@code 127.0.0.1:PORT}). */
  public String nodeName(String address) {
    return nodes.stream()
        .filter(n -> n.address().equals(address))
        .findFirst()
        .map(SandboxNode::name)
        .orElse(address);
  }

  @Override
  public void close() {
    try {
      nginx.stop();
    } finally {
      try {
        nodes.forEach(SandboxNode::stop);
      } finally {
        redis.stop();
      }
    }
  }
}
