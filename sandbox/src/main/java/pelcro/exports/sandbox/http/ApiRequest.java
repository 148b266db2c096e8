package pelcro.exports.sandbox.http;

import java.util.List;
import java.util.Map;

/**
 * One request to the API, the test helpers or the docs page, as the edge read it: what the
 * dispatcher, the extras gate and the lint look at.
 *
 * @param url the path and query as sent (still percent-encoded)
 * @param absoluteUrl scheme, authority (from the {@code Host} header), path and query
 * @param headers every header as sent, in order (names as sent)
 * @param clientIp the client's address (see {@link ClientAddresses})
 * @param body the whole body; empty when there was none
 */
record ApiRequest(
    String method,
    String url,
    String absoluteUrl,
    List<Map.Entry<String, String>> headers,
    String clientIp,
    byte[] body) {

  /** The first value of the header {@code name} (any case), or null. */
  String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The path as sent, without the query. */
  String path() {
    return QueryString.path(url);
  }
}
