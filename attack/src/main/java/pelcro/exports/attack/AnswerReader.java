package pelcro.exports.attack;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;

/**
 * Reads one HTTP/1.x answer off a socket with httpcore5's client connection, whatever was written
 * before: interim 1xx answers are skipped, the body is read up to a cap.
 */
final class AnswerReader {
  private static final Http1Config CONFIG =
      Http1Config.custom().setMaxLineLength(65536).setMaxHeaderCount(2000).build();

  private AnswerReader() {}

  /** A client connection bound to {@code socket}; its output side is not used by raw scripts. */
  static DefaultBHttpClientConnection bind(Socket socket) throws IOException {
    DefaultBHttpClientConnection conn = new DefaultBHttpClientConnection(CONFIG);
    conn.bind(socket);
    return conn;
  }

  /**
   * The next answer on {@code conn}.
   *
   * @param method the request's method (a HEAD answer has no body)
   * @param cap the most body bytes to read; the rest is left unread
   */
  static Answer read(DefaultBHttpClientConnection conn, String method, int cap, long started) {
    ClassicHttpResponse response;
    try {
      do {
        response = conn.receiveResponseHeader();
      } while (response.getCode() < 200);
    } catch (HttpException e) {
      return Answer.failed(Answer.Failure.MALFORMED, System.nanoTime() - started);
    } catch (IOException e) {
      return Answer.failed(Answer.Failure.of(e), System.nanoTime() - started);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : response.getHeaders()) {
      headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
    }
    int code = response.getCode();
    byte[] body = new byte[0];
    boolean truncated = false;
    boolean cut = false;
    boolean bodyless =
        "HEAD".equalsIgnoreCase(method)
            || code == 204
            || code == 304
            || ("CONNECT".equalsIgnoreCase(method) && code / 100 == 2);
    if (!bodyless) {
      try {
        conn.receiveResponseEntity(response);
        HttpEntity entity = response.getEntity();
        if (entity != null) {
          try (InputStream in = entity.getContent()) {
            body = in.readNBytes(cap);
            truncated = body.length == cap && in.read() >= 0;
          }
        }
      } catch (IOException | HttpException e) {
        // Headers came, the body broke off: the status stands, the body cannot be judged.
        cut = true;
      }
    }
    return new Answer(
        code, headers, body, truncated, cut, Answer.Failure.NONE, System.nanoTime() - started);
  }
}
