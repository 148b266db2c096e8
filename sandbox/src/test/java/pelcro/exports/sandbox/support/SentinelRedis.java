package pelcro.exports.sandbox.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.sentinel.api.StatefulRedisSentinelConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Redis master, its replica and one {@code redis-sentinel} (quorum 1) on free ports of 127.0.0.1,
 * each in a folder of its own, for tests of a failover: the master is {@code mymaster}, marked down
 * after 1 s without an answer. {@link #close} stops every process it started.
 */
public final class SentinelRedis implements AutoCloseable {
  public static final String MASTER = "mymaster";

  private final Path dir;
  private final Map<Integer, Process> servers = new LinkedHashMap<>();
  private final int sentinelPort;
  private Process sentinel;
  private final RedisClient admin = RedisClient.create();

  private SentinelRedis(Path dir, int sentinelPort) {
    this.dir = dir;
    this.sentinelPort = sentinelPort;
  }

  /** Starts a master, a replica that has caught up with it, and a Sentinel that knows both. */
  public static SentinelRedis start() throws Exception {
    RedisServer.assumeInstalled();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/redis-sentinel")), "no redis-sentinel");
    SentinelRedis redis =
        new SentinelRedis(Files.createTempDirectory("exports-sentinel"), RedisProcesses.freePort());
    try {
      int master = RedisProcesses.freePort();
      redis.server(master, List.of());
      redis.server(
          RedisProcesses.freePort(), List.of("--replicaof", "127.0.0.1", Integer.toString(master)));
      redis.sentinel(master);
      redis.await("the Sentinel to see the replica", redis::sentinelKnowsAReplica);
    } catch (Exception | AssertionError e) {
      redis.close();
      throw e;
    }
    return redis;
  }

  /** {@code redis-sentinel://127.0.0.1:PORT/0#mymaster}, for {@code --state}. */
  public String uri() {
    return "redis-sentinel://127.0.0.1:" + sentinelPort + "/0#" + MASTER;
  }

  /** The port of the server the Sentinel names as master now. */
  public int masterPort() {
    try (StatefulRedisSentinelConnection<String, String> s = sentinelConnection()) {
      return ((InetSocketAddress) s.sync().getMasterAddrByName(MASTER)).getPort();
    }
  }

  /** The ports of every server started (master and replica). */
  public List<Integer> serverPorts() {
    return new ArrayList<>(servers.keySet());
  }

  /** A plain connection to one server, to read what it holds. */
  public StatefulRedisConnection<String, String> connect(int port) {
    return admin.connect(RedisURI.create("redis://127.0.0.1:" + port));
  }

  /** {@code SENTINEL FAILOVER mymaster}: the replica becomes master, the master its replica. */
  public void failover() {
    try (StatefulRedisSentinelConnection<String, String> s = sentinelConnection()) {
      s.sync().failover(MASTER);
    }
  }

  /** Waits until the Sentinel names another master than {@code oldPort}. */
  public int awaitNewMaster(int oldPort, Duration within) throws InterruptedException {
    await("a new master", () -> masterPort() != oldPort, within);
    return masterPort();
  }

  /** SIGKILL to a server: no shutdown, nothing saved. */
  public void kill(int port) throws InterruptedException {
    Process process = servers.get(port);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    admin.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    List<Process> all = new ArrayList<>(servers.values());
    if (sentinel != null) {
      all.add(sentinel);
    }
    all.forEach(Process::destroyForcibly);
  }

  private void server(int port, List<String> extra) throws IOException, InterruptedException {
    Path folder = Files.createDirectories(dir.resolve("redis-" + port));
    Process server =
        RedisProcesses.start(
            RedisProcesses.server(port, folder, extra.toArray(String[]::new)), folder);
    servers.put(port, server);
    RedisProcesses.awaitListening(port, server, folder);
  }

  private void sentinel(int master) throws IOException, InterruptedException {
    Path folder = Files.createDirectories(dir.resolve("sentinel"));
    Path conf = folder.resolve("sentinel.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "port " + sentinelPort,
            "bind 127.0.0.1",
            "daemonize no",
            "dir " + folder,
            "sentinel monitor " + MASTER + " 127.0.0.1 " + master + " 1",
            "sentinel down-after-milliseconds " + MASTER + " 1000",
            "sentinel failover-timeout " + MASTER + " 10000",
            "sentinel parallel-syncs " + MASTER + " 1",
            ""));
    sentinel =
        launch(List.of("/usr/bin/redis-sentinel", conf.toString()), folder.resolve("sentinel.log"));
    awaitListening(sentinelPort);
  }

  /** The Sentinel lists a replica that is up, and the replica has synchronised with its master. */
  private boolean sentinelKnowsAReplica() {
    try (StatefulRedisSentinelConnection<String, String> s = sentinelConnection()) {
      boolean listed =
          s.sync().replicas(MASTER).stream()
              .anyMatch(r -> !String.valueOf(r.get("flags")).contains("down"));
      int replica = serverPorts().get(1);
      try (StatefulRedisConnection<String, String> c = connect(replica)) {
        return listed && c.sync().info("replication").contains("master_link_status:up");
      }
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private StatefulRedisSentinelConnection<String, String> sentinelConnection() {
    return admin.connectSentinel(RedisURI.create("redis://127.0.0.1:" + sentinelPort));
  }

  private static Process launch(List<String> command, Path log) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    await(what, done, Duration.ofSeconds(30));
  }

  private static void await(String what, BooleanSupplier done, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + within + " in vain for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static void awaitListening(int port) throws InterruptedException {
    await(
        "port " + port,
        () -> {
          try (Socket probe = new Socket("127.0.0.1", port)) {
            return true;
          } catch (IOException notYet) {
            return false;
          }
        });
  }
}
