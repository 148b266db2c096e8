package pelcro.exports.attack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * What the server sent back to one request (status, headers, the first bytes of the body), or why
 * nothing came back.
 *
 * @param status the final status, or 0 when there was no answer
 * @param headers the answer's headers, names in lower case (the first value of each)
 * @param body the body as read, at most the reader's cap
 * @param truncated whether the body was longer than the cap (the rest was not read)
 * @param cut whether the connection broke while the body was being read (only its start is here)
 * @param failure why there is no answer, or {@link Failure#NONE}
 * @param nanos from the first byte sent to the last byte read
 */
public record Answer(
    int status,
    Map<String, String> headers,
    byte[] body,
    boolean truncated,
    boolean cut,
    Failure failure,
    long nanos) {

  /** Why a request got no answer. */
  public enum Failure {
    NONE,
    /** The connection was refused or could not be opened. */
    CONNECT,
    /** No answer within the read timeout. */
    TIMEOUT,
    /** The server closed or reset the connection without answering. */
    CLOSED,
    /** Bytes came back that are not an HTTP/1.x answer. */
    MALFORMED;

    /** What an I/O failure before the answer means, whichever client met it. */
    public static Failure of(IOException e) {
      if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException) {
        return CONNECT;
      }
      if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
        return TIMEOUT;
      }
      return CLOSED;
    }
  }

  public static Answer failed(Failure failure, long nanos) {
    return new Answer(0, Map.of(), new byte[0], false, false, failure, nanos);
  }

  public boolean answered() {
    return failure == Failure.NONE;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The media type without parameters, lower case; empty when absent. */
  public String mediaType() {
    String type = header("Content-Type");
    return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** A one-line summary for reports: status, type and the start of the body. */
  public String summary() {
    if (!answered()) {
      return "no answer (" + failure + ")";
    }
    String start = Escapes.printable(body, 240);
    return status
        + (cut ? " (body cut off)" : "")
        + " "
        + (mediaType().isEmpty() ? "(no Content-Type)" : mediaType())
        + (header("Location") != null ? " Location: " + header("Location") : "")
        + " body: "
        + start;
  }
}
