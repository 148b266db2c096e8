package pelcro.exports.scaleout.support;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One sandbox node: {@code java -jar sandbox/target/exports-sandbox.jar} as a process of its own on
 * a free port, its state in Redis ({@code --state}), admin on (the contract suite runs with {@code
 * --target sandbox}), rate limiting off (the suite and the trials send far more than 120 requests a
 * minute), 2-second jobs. Its output (stdout and stderr) goes to a log file that tests read for
 * stack traces.
 */
public record SandboxNode(String name, int port, LocalProcess process) {
  /** A line of a Java stack trace ({@code "\tat pkg.Class.method(File.java:12)"}, "Caused by:"). */
  private static final Pattern STACK_TRACE =
      Pattern.compile("(?m)^\\s+at [\\w.$/<>-]+\\(.*\\)\\s*$|^Caused by: ");

  /** Starts a node; {@link #awaitReady} waits until it answers. */
  public static SandboxNode launch(String name, Path jar, String redisUri, Path dir) {
    int port = Ports.free();
    List<String> command =
        new ArrayList<>(
            List.of(
                Tools.JAVA,
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--state",
                redisUri,
                "--rate-limit",
                "0",
                "--job-seconds",
                "2",
                "--trusted-proxies",
                "127.0.0.1"));
    return new SandboxNode(
        name, port, LocalProcess.start(name, command, dir.resolve(name + ".log")));
  }

  public String name() {
    return name;
  }

  /** {@code 127.0.0.1:PORT}, as nginx names the node in {@code $upstream_addr}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  public Endpoint endpoint() {
    return new Endpoint(name, "http://" + address());
  }

  /** Waits until {@code /health} answers 200 (spec and data loaded, Redis reachable). */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    Answer last = null;
    while (Instant.now().isBefore(deadline)) {
      if (!process.alive()) {
        throw new IllegalStateException(name + " exited:\n" + Ports.tail(process.output()));
      }
      last = endpoint().health();
      if (last.status() == 200) {
        return;
      }
      Ports.pause(Duration.ofMillis(200));
    }
    throw new IllegalStateException(
        name
            + " not ready within "
            + timeout.toSeconds()
            + " s ("
            + last
            + "):\n"
            + Ports.tail(process.output()));
  }

  /** SIGKILL: the JVM dies at once, with whatever it was doing. */
  public void kill() {
    process.kill();
  }

  /** Starts the node again, same port, same options. */
  public void restart() {
    process.launch();
  }

  public boolean alive() {
    return process.alive();
  }

  public void stop() {
    process.stop(Duration.ofSeconds(15));
  }

  /** How much the node has printed so far: a mark for {@link #outputSince}. */
  public int outputMark() {
    return process.output().length();
  }

  public String outputSince(int mark) {
    String all = process.output();
    return all.substring(Math.min(mark, all.length()));
  }

  /** The lines of {@code output} that belong to a stack trace. */
  public static List<String> stackTraceLines(String output) {
    List<String> found = new ArrayList<>();
    STACK_TRACE.matcher(output).results().forEach(m -> found.add(m.group().strip()));
    return found;
  }

  public LocalProcess process() {
    return process;
  }

  @Override
  public String toString() {
    return name + " (" + address() + ")";
  }
}
