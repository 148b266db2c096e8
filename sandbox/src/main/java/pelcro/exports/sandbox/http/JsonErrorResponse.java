package pelcro.exports.sandbox.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The last line of "JSON at every layer": an error answer that reaches the edge without a JSON body
 * (WireMock's admin API answers an unknown route with an empty 404) gets the vendor's shape, {@code
 * {"message": ...}}, instead of its own body. Answers below 400 pass untouched (a download's file,
 * the docs page).
 */
final class JsonErrorResponse extends Response.Wrapper {
  private final String path;
  private boolean decided;
  private boolean replaced;

  JsonErrorResponse(Request request, Response response, String path) {
    super(request, response);
    this.path = path;
  }

  @Override
  public void write(boolean last, ByteBuffer content, Callback callback) {
    if (!decided) {
      decided = true;
      String type = getHeaders().get(HttpHeader.CONTENT_TYPE);
      replaced = getStatus() >= 400 && (type == null || !type.startsWith("application/json"));
      if (replaced) {
        byte[] json = body(getStatus());
        getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        getHeaders().remove(HttpHeader.CONTENT_LENGTH);
        super.write(last, ByteBuffer.wrap(json), callback);
        return;
      }
    }
    // A replaced answer's own body is dropped; its end still ends the answer.
    super.write(last, replaced ? BufferUtil.EMPTY_BUFFER : content, callback);
  }

  private byte[] body(int status) {
    if (status == 404) {
      return ErrorRenderer.render(new ApiException(ApiError.ROUTE_NOT_FOUND, path)).body();
    }
    if (status >= 500) {
      return ErrorRenderer.render(new ApiException(ApiError.SERVER_ERROR)).body();
    }
    String reason = HttpStatus.getMessage(status);
    return ErrorRenderer.messageOnly(reason == null ? "HTTP error " + status : reason);
  }
}
