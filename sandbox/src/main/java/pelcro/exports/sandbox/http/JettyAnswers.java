package pelcro.exports.sandbox.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import pelcro.exports.sandbox.domain.ApiException;

/** Writes an answer at the Jetty level, for what the edge answers before WireMock sees it. */
final class JettyAnswers {
  private JettyAnswers() {}

  /** The error in the vendor's shape; the connection closes when the body was not read. */
  static void error(Response response, Callback callback, ApiException e, boolean closeConnection) {
    ErrorRenderer.Rendered rendered = ErrorRenderer.render(e);
    response.setStatus(rendered.status());
    rendered.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    if (closeConnection) {
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    response.write(true, ByteBuffer.wrap(rendered.body()), callback);
  }

  static void json(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
