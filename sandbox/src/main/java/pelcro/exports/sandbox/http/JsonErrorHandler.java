package pelcro.exports.sandbox.http;

import java.nio.ByteBuffer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Jetty's own refusals (bad chunking, bad versions, oversized headers, a failure while a request
 * was read) in the vendor's JSON shape instead of Jetty's HTML page: a 4xx reads like any other
 * refusal, and a 5xx is a bare "Server Error" that names no class, path or stack frame.
 */
class JsonErrorHandler extends ErrorHandler {

  /** Jetty writes an error body only for GET, POST and HEAD by default; every answer gets one. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /**
   * A request Jetty could not parse: the connection ends after this answer, and says so. Without
   * {@code Connection: close}, a client whose damaged request held a second one (bytes past its
   * Content-Length) kept the connection, took this answer for its next request's, and when that was
   * a {@code HEAD} read this body as the start of the answer after (found by bin/attack).
   */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    fields.put(HttpHeader.CONNECTION, "close");
    return ByteBuffer.wrap(body(status, reason));
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    if (answersOwnError(request, response, code, callback)) {
      return;
    }
    if (code == 505) {
      // An unknown HTTP version is the client's garbage like any other: 400, not 505.
      code = 400;
      message = "Unsupported HTTP version";
      response.setStatus(code);
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty's refusals are of bytes it could not take as a request: what follows them on the
    // connection cannot be trusted either, so the connection ends (see badMessageError).
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /**
   * Where a subclass answers an error its own way (it writes the answer and returns true); false
   * leaves the answer to this class.
   */
  boolean answersOwnError(Request request, Response response, int code, Callback callback) {
    return false;
  }

  /**
   * Jetty's reasons are short phrases ("Bad Chunk size", "Early EOF"); anything else is not shown.
   */
  private static final Pattern PLAIN_REASON = Pattern.compile("[A-Za-z0-9 ,:;=()'_/-]{1,120}");

  /** Jetty's reason for a client error (never a stack trace); nothing for a server error. */
  static byte[] body(int status, String reason) {
    if (status >= 500) {
      return ErrorRenderer.render(new ApiException(ApiError.SERVER_ERROR)).body();
    }
    String why =
        reason != null && PLAIN_REASON.matcher(reason).matches()
            ? reason
            : "The request is malformed (HTTP " + status + ").";
    if (status == 400) {
      return ErrorRenderer.render(ApiException.invalid("request", why)).body();
    }
    return ErrorRenderer.messageOnly(why);
  }
}
