package pelcro.exports.sandbox.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Jetty's own refusals (ambiguous paths, oversized headers, bad HTTP) in the vendor's JSON shape
 * instead of Jetty's HTML page, so that every 4xx the sandbox sends carries a {@code message}.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  protected void generateAcceptableResponse(
      Request baseRequest,
      HttpServletRequest request,
      HttpServletResponse response,
      int code,
      String message)
      throws IOException {
    baseRequest.setHandled(true);
    response.setContentType("application/json");
    response.getOutputStream().write(body(code, message));
  }

  /** A 400 reads like any validation failure (the spec's 400 shapes); others keep Jetty's reason. */
  private static byte[] body(int status, String reason) {
    String why = reason == null || reason.isBlank() ? "HTTP error " + status : reason;
    if (status == 400) {
      return ErrorRenderer.render(ApiException.invalid("request", why)).body();
    }
    return ErrorRenderer.messageOnly(why);
  }
}
