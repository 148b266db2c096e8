package pelcro.exports.scaleout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Free loopback ports, and waiting for a server to listen on one. */
public final class Ports {
  private Ports() {}

  /** A port nobody listens on now (the OS picks it). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until 127.0.0.1:{@code port} accepts a connection, while {@code process} runs. */
  public static void awaitListening(int port, LocalProcess process, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.alive()) {
        throw new IllegalStateException(
            process.name()
                + " exited before listening on "
                + port
                + ":\n"
                + tail(process.output()));
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        pause(Duration.ofMillis(20));
      }
    }
    throw new IllegalStateException(
        process.name()
            + " did not listen on "
            + port
            + " within "
            + timeout.toSeconds()
            + " s:\n"
            + tail(process.output()));
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last 30 lines of a log, for failure messages. */
  public static String tail(String text) {
    return tail(text, 30);
  }

  /** The last {@code count} lines of a log. */
  public static String tail(String text, int count) {
    String[] lines = text.split("\n");
    int from = Math.max(0, lines.length - count);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }
}
