package pelcro.exports.sandbox.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Starts the real {@code redis-server} processes of the tests (one server, TLS, Sentinel, Cluster):
 * the options they all share, their log, and the wait until one listens.
 */
public final class RedisProcesses {
  private static final Duration START = Duration.ofSeconds(20);

  private RedisProcesses() {}

  /** The installed {@code redis-server}, or null. */
  static String executable() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }

  /**
   * {@code redis-server} on 127.0.0.1:{@code port} in the foreground, its files in {@code dir}, no
   * snapshots, quiet; {@code extra} options after those.
   */
  static List<String> server(int port, Path dir, String... extra) {
    List<String> command =
        new ArrayList<>(
            List.of(
                executable(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--save",
                "",
                "--daemonize",
                "no",
                "--loglevel",
                "warning"));
    command.addAll(Arrays.asList(extra));
    return command;
  }

  /** Starts {@code command} in {@code dir}, its output in {@code dir/redis.log}. */
  static Process start(List<String> command, Path dir) throws IOException {
    return new ProcessBuilder(command)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile())
        .start();
  }

  /** Waits until {@code port} takes connections; fails with the server's log when it never does. */
  static void awaitListening(int port, Process process, Path dir)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START.toNanos();
    while (true) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new IOException(
              "redis-server did not start on port "
                  + port
                  + ": "
                  + Files.readString(dir.resolve("redis.log")));
        }
        Thread.sleep(20);
      }
    }
  }

  /** A port free at this moment. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
