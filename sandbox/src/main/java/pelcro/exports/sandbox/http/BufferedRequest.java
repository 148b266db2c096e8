package pelcro.exports.sandbox.http;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body the edge has already read (bounded), handed to WireMock as one chunk, with
 * the headers WireMock would misread made plain.
 *
 * <p>Form and multipart types make WireMock parse the body as such (and fail on bad input), and it
 * decodes bodies with the declared charset (failing on an unknown one). Every body is JSON to the
 * sandbox, so those requests are read as UTF-8 JSON ({@code curl -d} sends a form type).
 */
final class BufferedRequest extends Request.Wrapper {
  private final HttpFields headers;
  private final long length;
  // Guarded by this: the one chunk, then EOF.
  private Content.Chunk next;

  BufferedRequest(Request request, byte[] body) {
    super(request);
    this.length = body.length;
    this.headers = plainHeaders(request.getHeaders(), body.length);
    this.next = Content.Chunk.from(ByteBuffer.wrap(body), true);
  }

  /** A request without a body, its headers made plain only when WireMock would misread them. */
  static Request plain(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    boolean misread = type != null && misreadByWireMock(type.toLowerCase(Locale.ROOT));
    return misread ? new BufferedRequest(request, new byte[0]) : request;
  }

  @Override
  public HttpFields getHeaders() {
    return headers;
  }

  @Override
  public long getLength() {
    return length;
  }

  @Override
  public synchronized Content.Chunk read() {
    Content.Chunk chunk = next;
    next = Content.Chunk.EOF;
    return chunk;
  }

  @Override
  public void demand(Runnable demandCallback) {
    demandCallback.run(); // the content is all here
  }

  /**
   * The headers with the body's real length and, where WireMock would misread it, a JSON type;
   * WireMock's admin API reads them.
   */
  static HttpFields plainHeaders(HttpFields original, long bodyLength) {
    HttpFields.Mutable headers = HttpFields.build(original);
    if (bodyLength >= 0) {
      headers.remove(HttpHeader.TRANSFER_ENCODING);
      headers.put(HttpHeader.CONTENT_LENGTH, bodyLength);
    }
    String type = original.get(HttpHeader.CONTENT_TYPE);
    if (type != null && misreadByWireMock(type.toLowerCase(Locale.ROOT))) {
      headers.put(HttpHeader.CONTENT_TYPE, "application/json; charset=UTF-8");
    }
    return headers.asImmutable();
  }

  private static boolean misreadByWireMock(String type) {
    return type.startsWith("multipart/")
        || type.contains("x-www-form-urlencoded")
        || !knownCharset(type);
  }

  private static boolean knownCharset(String type) {
    int at = type.indexOf("charset=");
    if (at < 0) {
      return true;
    }
    String name = type.substring(at + "charset=".length()).split("[;,\\s]")[0].replace("\"", "");
    try {
      return java.nio.charset.Charset.isSupported(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
