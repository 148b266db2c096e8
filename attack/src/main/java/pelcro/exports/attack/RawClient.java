package pelcro.exports.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Runs a {@link RawScript} on a fresh socket bound to a chosen loopback source address, and reads
 * the answer. Closes with a reset (linger 0), so that hundreds of thousands of short connections
 * leave no TIME_WAIT on the client side.
 */
public record RawClient(InetSocketAddress server, int readTimeoutMillis, int bodyCap) {
  /** Runs the script from {@code local} (e.g. 127.0.0.2) and returns the answer. */
  public Answer run(RawScript script, InetAddress local) {
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      try {
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(server, 5000);
      } catch (IOException e) {
        return Answer.failed(Answer.Failure.CONNECT, System.nanoTime() - started);
      }
      socket.setSoTimeout(readTimeoutMillis);
      socket.setTcpNoDelay(true);
      socket.setSoLinger(true, 0);
      var conn = AnswerReader.bind(socket);
      try {
        OutputStream out = socket.getOutputStream();
        for (RawScript.Step step : script.steps()) {
          if (step instanceof RawScript.Write w) {
            out.write(w.bytes());
            out.flush();
          } else if (step instanceof RawScript.Pause p) {
            Thread.sleep(p.millis());
          } else {
            socket.shutdownOutput();
          }
        }
      } catch (IOException e) {
        // The server may answer and close before the whole script is written (e.g. 413): read.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Answer.failed(Answer.Failure.TIMEOUT, System.nanoTime() - started);
      }
      return AnswerReader.read(conn, script.method(), bodyCap, started);
    } catch (IOException e) {
      return Answer.failed(Answer.Failure.of(e), System.nanoTime() - started);
    }
  }
}
