package pelcro.exports.sandbox.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code redis-server} (Debian's package) for tests, on a free port of 127.0.0.1, in a
 * folder of its own, stopped by {@link #close}. {@link #installed()} says whether tests can use
 * one; {@code .ci/run} installs it so that CI always can.
 */
public final class LocalRedis implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final boolean appendOnly;
  private Process process;

  private LocalRedis(Path dir, int port, boolean appendOnly) {
    this.dir = dir;
    this.port = port;
    this.appendOnly = appendOnly;
  }

  public static boolean installed() {
    return executable() != null;
  }

  /** Starts one; {@code appendOnly} keeps every write in its folder across restarts. */
  public static LocalRedis start(boolean appendOnly) throws IOException {
    LocalRedis redis =
        new LocalRedis(Files.createTempDirectory("exports-redis"), freePort(), appendOnly);
    redis.launch();
    return redis;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server hard (SIGKILL) and starts it again on the same port and folder. */
  public void restart() throws IOException {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    launch();
  }

  /** Stops the server, which then cannot be reached until {@link #resume}. */
  public void stop() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void resume() throws IOException {
    launch();
  }

  private void launch() throws IOException {
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
                "--protected-mode",
                "yes",
                "--loglevel",
                "warning"));
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IOException(
        "redis-server did not start on port "
            + port
            + ": "
            + Files.readString(dir.resolve("redis.log")));
  }

  @Override
  public void close() {
    stop();
  }

  private static String executable() {
    for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
      File candidate = new File(dir, "redis-server");
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
