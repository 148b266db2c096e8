package pelcro.exports.attack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The standalone sandbox jar as a separate process on a free 127.0.0.1 port: started with the given
 * options, waited for until it accepts connections, always stopped.
 */
public record SandboxProcess(Process process, int port, Path log) implements AutoCloseable {
  /**
   * Starts {@code java <jvm> -jar jar --port P --bind 127.0.0.1 <options>}, logging to {@code log}.
   */
  public static SandboxProcess start(Path jar, List<String> jvm, List<String> options, Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.addAll(
        List.of("-jar", jar.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1"));
    command.addAll(options);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SandboxProcess sandbox = new SandboxProcess(process, port, log);
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the sandbox exited at start, see " + log);
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return sandbox;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    sandbox.close();
    throw new IOException("the sandbox did not listen within 60 s, see " + log);
  }

  public String root() {
    return "http://127.0.0.1:" + port;
  }

  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", port);
  }

  public boolean alive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /**
   * The resident memory of the sandbox in MiB, from /proc: of the process and the server JVM that
   * {@code java -jar}'s launcher starts; -1 where unknown.
   */
  public long rssMiB() {
    long kib = rssKiB(pid());
    for (ProcessHandle child : process.toHandle().children().toList()) {
      long more = rssKiB(child.pid());
      kib = kib < 0 || more < 0 ? -1 : kib + more;
    }
    return kib < 0 ? -1 : kib / 1024;
  }

  private static long rssKiB(long pid) {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** Waits up to {@code seconds} for the process to end by itself. */
  public boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    // The launcher passes SIGTERM on to its server JVM; killed, it would leave that JVM behind.
    List<ProcessHandle> servers = process.toHandle().children().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        servers.forEach(ProcessHandle::destroyForcibly);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      servers.forEach(ProcessHandle::destroyForcibly);
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket =
        new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
