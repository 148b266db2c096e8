package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.url.PathParams;
import java.util.Map;
import pelcro.exports.sandbox.domain.Caller;

/**
 * One authenticated API request, as the route handlers see it.
 *
 * @param query the value of each query parameter (the last, when repeated)
 * @param pathUrl the absolute URL of the request's path, without query (for page links)
 * @param client the client's address (per-client limits)
 * @param transfer the token the edge gave a download request, or null
 */
record Call(
    Caller caller,
    Map<String, String> query,
    byte[] body,
    PathParams params,
    String pathUrl,
    String client,
    String transfer) {}
