package pelcro.exports.sandbox.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    return RedisProcesses.executable() != null;
  }

  /** Starts one; {@code appendOnly} keeps every write in its folder across restarts. */
  public static LocalRedis start(boolean appendOnly) throws IOException {
    LocalRedis redis =
        new LocalRedis(
            Files.createTempDirectory("exports-redis"), RedisProcesses.freePort(), appendOnly);
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
    List<String> command = RedisProcesses.server(port, dir, "--protected-mode", "yes");
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    }
    process = RedisProcesses.start(command, dir);
    try {
      RedisProcesses.awaitListening(port, process, dir);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
