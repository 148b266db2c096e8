package pelcro.exports.attack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A keep-alive HTTP/1.1 connection from a chosen loopback source address (the JDK 17 client cannot
 * bind one), sending {@link Probe}s with httpcore5 and reopening when the server closes.
 */
public final class WireConnection implements AutoCloseable {
  private final InetSocketAddress server;
  private final InetAddress local;
  private final int readTimeoutMillis;
  private final int bodyCap;
  private Socket socket;
  private DefaultBHttpClientConnection conn;

  public WireConnection(
      InetSocketAddress server, InetAddress local, int readTimeoutMillis, int bodyCap) {
    this.server = server;
    this.local = local;
    this.readTimeoutMillis = readTimeoutMillis;
    this.bodyCap = bodyCap;
  }

  /**
   * Sends the probe and reads its answer; a failed exchange closes the connection. A kept-alive
   * connection the server closed while idle is reopened and the request sent once more, as every
   * HTTP client does: that silence is not the request's answer.
   */
  public Answer send(Probe probe) {
    boolean reused = conn != null;
    Answer answer = exchange(probe);
    if (reused && answer.failure() == Answer.Failure.CLOSED) {
      answer = exchange(probe);
    }
    return answer;
  }

  private Answer exchange(Probe probe) {
    long started = System.nanoTime();
    try {
      if (conn == null) {
        socket = new Socket();
        socket.bind(new InetSocketAddress(local, 0));
        socket.connect(server, 5000);
        socket.setSoTimeout(readTimeoutMillis);
        socket.setTcpNoDelay(true);
        socket.setSoLinger(true, 0);
        conn = AnswerReader.bind(socket);
      }
    } catch (IOException e) {
      close();
      return Answer.failed(Answer.Failure.CONNECT, System.nanoTime() - started);
    }
    try {
      ClassicHttpRequest request = probe.toRequest(server.getHostString() + ":" + server.getPort());
      conn.sendRequestHeader(request);
      if (probe.body().length > 0) {
        request.setEntity(new ByteArrayEntity(probe.body(), (ContentType) null));
        conn.sendRequestEntity(request);
      }
      conn.flush();
    } catch (IOException | org.apache.hc.core5.http.HttpException e) {
      // The server may have answered and closed already: try to read that answer.
    }
    Answer answer = AnswerReader.read(conn, probe.method(), bodyCap, started);
    if (!answer.answered()
        || answer.truncated()
        || "close".equalsIgnoreCase(answer.header("Connection"))
        || probe.method().equalsIgnoreCase("CONNECT")) {
      close();
    }
    return answer;
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing to do: the socket is gone either way
      }
    }
    socket = null;
    conn = null;
  }
}
