package pelcro.exports.scaleout.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code redis-server} on a free 127.0.0.1 port, with its append-only file on and synced
 * on every write ({@code appendfsync always}) in a folder of its own, so that a restart after
 * SIGKILL finds every write it acknowledged.
 */
public final class RedisServer {
  private final int port;
  private final LocalProcess process;

  private RedisServer(int port, LocalProcess process) {
    this.port = port;
    this.process = process;
  }

  public static RedisServer start(Path dir) {
    int port = Ports.free();
    LocalProcess process =
        LocalProcess.start(
            "redis-server",
            List.of(
                Tools.REDIS_SERVER,
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--protected-mode",
                "yes",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no",
                "--save",
                "",
                "--loglevel",
                "warning",
                "--appendonly",
                "yes",
                "--appendfsync",
                "always"),
            dir.resolve("redis.log"));
    RedisServer redis = new RedisServer(port, process);
    redis.awaitUp();
    return redis;
  }

  /** {@code redis://127.0.0.1:PORT}, for {@code --state}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** Kills the server with SIGKILL: no shutdown, no final save. */
  public void kill() {
    process.kill();
  }

  /** Starts it again on the same port and folder: it replays its append-only file. */
  public void restart() {
    process.launch();
    awaitUp();
  }

  /** Freezes the server (SIGSTOP): connections stay open, nothing is answered. */
  public void freeze() {
    process.signal("STOP");
  }

  /** Lets a frozen server go on (SIGCONT). */
  public void thaw() {
    process.signal("CONT");
  }

  public boolean alive() {
    return process.alive();
  }

  public void stop() {
    if (process.alive()) {
      thaw(); // a frozen server cannot act on SIGTERM
    }
    process.stop(Duration.ofSeconds(10));
  }

  public LocalProcess process() {
    return process;
  }

  /** Until it answers commands: listening is not enough while it loads its append-only file. */
  private void awaitUp() {
    Ports.awaitListening(port, process, Duration.ofSeconds(60));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!answersPing()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("redis-server on " + port + " did not answer PING in 60 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** PONG, not LOADING (a Redis replaying its append-only file refuses commands). */
  private boolean answersPing() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] reply = new byte[64];
      int read = socket.getInputStream().read(reply);
      return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }
}
