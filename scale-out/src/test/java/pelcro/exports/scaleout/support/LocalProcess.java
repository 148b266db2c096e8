package pelcro.exports.scaleout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One server process the tests started (redis-server, a sandbox node, nginx), its output appended
 * to a log file, and signalled by its own pid only. Every start registers the process with {@link
 * Reaper}, so nothing outlives the test JVM.
 */
public final class LocalProcess {
  private final String name;
  private final List<String> command;
  private final Path log;
  private Process process;

  private LocalProcess(String name, List<String> command, Path log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
  }

  /** Starts {@code command}, its output (stdout and stderr) appended to {@code log}. */
  public static LocalProcess start(String name, List<String> command, Path log) {
    LocalProcess started = new LocalProcess(name, command, log);
    started.launch();
    return started;
  }

  /** Starts the same command again (after {@link #kill} or {@link #stop}). */
  public void launch() {
    if (alive()) {
      throw new IllegalStateException(name + " is still running");
    }
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "==> " + String.join(" ", command) + System.lineSeparator(),
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
    Reaper.track(this);
  }

  public String name() {
    return name;
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** The processes it started (a launcher's server JVM, Redis' rewrite child). */
  public List<ProcessHandle> children() {
    return process.toHandle().children().toList();
  }

  /** Its exit status, waiting up to {@code timeout} for it to exit; null if it has not. */
  public Integer exitStatus(Duration timeout) {
    return awaitExit(timeout) ? process.exitValue() : null;
  }

  /** SIGKILL to the process and to any child it forked (a Redis rewrite, nginx's workers). */
  public void kill() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> children = process.toHandle().descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    awaitExit(Duration.ofSeconds(20));
  }

  /** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
  public void stop(Duration grace) {
    if (!alive()) {
      return;
    }
    process.destroy();
    if (!awaitExit(grace)) {
      kill();
    }
  }

  /** Sends a signal by name ({@code STOP}, {@code CONT}, {@code HUP}) to this process only. */
  public void signal(String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, Long.toString(pid()))
              .redirectErrorStream(true)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the process (and its earlier runs) printed. */
  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path log() {
    return log;
  }

  private boolean awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Kills every process still running when the test JVM exits, however it exits. */
  static final class Reaper {
    private static final java.util.Set<LocalProcess> RUNNING =
        java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> RUNNING.forEach(LocalProcess::kill), "scale-out-reaper"));
    }

    private Reaper() {}

    static void track(LocalProcess process) {
      RUNNING.add(process);
    }
  }
}
