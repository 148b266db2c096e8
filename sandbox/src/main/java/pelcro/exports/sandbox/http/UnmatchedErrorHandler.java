package pelcro.exports.sandbox.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The error page of WireMock's stub context: a request no stub matched (WireMock answers it with a
 * bare 404) gets the vendor's JSON 404 naming its path, like any unknown route of the API; the
 * connection stays open. Every other error is {@link JsonErrorHandler}'s.
 */
final class UnmatchedErrorHandler extends JsonErrorHandler {
  @Override
  boolean answersOwnError(Request request, Response response, int code, Callback callback) {
    if (code != 404) {
      return false;
    }
    ErrorRenderer.Rendered rendered =
        ErrorRenderer.render(
            new ApiException(ApiError.ROUTE_NOT_FOUND, request.getHttpURI().getPath()));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    rendered.headers().forEach((name, value) -> response.getHeaders().put(name, value));
    response.write(true, ByteBuffer.wrap(rendered.body()), callback);
    return true;
  }
}
