package pelcro.exports.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriter;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * One well-formed HTTP/1.1 request with hostile content (odd methods, paths, queries, headers,
 * bodies), as the generator made it; sent by {@link JdkSender} or {@link WireConnection}.
 *
 * @param op the operation (or control call) it was derived from
 * @param method the request method, sent as is
 * @param target the request target (path and query), sent as is
 * @param headers the headers, in order; Host and Content-Length are added when absent
 * @param body the body, or an empty array for none
 * @param mutation what the generator changed, for reports
 */
public record Probe(
    Op op, String method, String target, List<Header> headers, byte[] body, String mutation) {

  /** The operations and control calls the generator starts from. */
  public enum Op {
    LIST,
    REQUEST,
    DOWNLOAD,
    RESET,
    CLOCK,
    ADVANCE,
    COMPLETE,
    FAIL,
    DELIVERIES,
    REDELIVER,
    OTHER
  }

  /** One header line. */
  public record Header(String name, String value) {}

  public Probe {
    headers = List.copyOf(headers);
  }

  /**
   * Whether silence breaks a rule: a server may refuse a large body before reading it and close
   * (then the client, still sending, may get a reset instead of the answer), so only requests with
   * a body under 64 KiB are owed an answer.
   */
  public boolean owesAnswer() {
    return body.length < 65_536;
  }

  /** The path of the target, without the query. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  public boolean hasHeader(String name) {
    return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    return headers.stream()
        .filter(h -> h.name().equalsIgnoreCase(name))
        .map(Header::value)
        .findFirst()
        .orElse(null);
  }

  /** The request as httpcore5 sends it, with Host and Content-Length added when absent. */
  public ClassicHttpRequest toRequest(String host) {
    BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, target);
    List<Header> all = new ArrayList<>(headers);
    if (!hasHeader("Host")) {
      all.add(0, new Header("Host", host));
    }
    if (body.length > 0 && !hasHeader("Content-Length") && !hasHeader("Transfer-Encoding")) {
      all.add(new Header("Content-Length", String.valueOf(body.length)));
    }
    all.forEach(h -> request.addHeader(h.name(), h.value()));
    return request;
  }

  /** The exact bytes on the wire (head written by httpcore5, then the body). */
  public byte[] bytes(String host) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SessionOutputBufferImpl buffer = new SessionOutputBufferImpl(8192);
      new DefaultHttpRequestWriter().write(toRequest(host), buffer, out);
      buffer.flush(out);
      out.write(body);
      return out.toByteArray();
    } catch (IOException | org.apache.hc.core5.http.HttpException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  /** The request as text for a report: every byte shown, the body cut after 400 bytes. */
  public String reproduction(String host) {
    return "["
        + op
        + "; "
        + Escapes.printable(utf8(mutation), 300)
        + "] "
        + Escapes.printable(bytes(host), 600);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
