package pelcro.exports.sandbox.tryit;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CORS answers of the sandbox ({@code --cors-origins}): which headers a response carries for a
 * browser page of a given origin.
 *
 * <p>Only listed origins (exact {@code scheme://host[:port]}, or {@code *} when given explicitly)
 * get a grant; any other origin gets no {@code Access-Control-Allow-*} header at all, so the
 * browser withholds the answer from the page. The grant names the origin (never {@code *} in the
 * answer), allows {@code Authorization} and {@code Content-Type}, and exposes the download's
 * headers and the sandbox's rate-limit headers to the page. Credentials (cookies) are not allowed:
 * the API authenticates with a bearer key the page sends itself.
 */
public final class CorsPolicy {
  /** Methods the API answers. */
  public static final String ALLOW_METHODS = "GET, POST, OPTIONS";

  /** Request headers a page may send. */
  public static final String ALLOW_HEADERS = "Authorization, Content-Type";

  /** Response headers a page may read: the download's, the rate limiter's and the lint's. */
  public static final String EXPOSE_HEADERS =
      "Content-Disposition, Content-Type, Content-Length, X-RateLimit-Limit, X-RateLimit-Remaining, Retry-After,"
          + " X-Sandbox-Lint";

  /** How long a browser may cache a preflight answer, in seconds. */
  public static final String MAX_AGE = "600";

  private final Set<String> origins;
  private final boolean anyOrigin;

  private CorsPolicy(Set<String> origins) {
    this.origins = origins;
    this.anyOrigin = origins.contains("*");
  }

  /** No origin is granted (no {@code --cors-origins}). */
  public static CorsPolicy none() {
    return new CorsPolicy(Set.of());
  }

  /** Grants exactly these origins; trailing slashes are ignored. */
  public static CorsPolicy allowing(List<String> origins) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String origin : origins) {
      String o = origin.strip();
      while (o.endsWith("/")) {
        o = o.substring(0, o.length() - 1);
      }
      if (!o.isEmpty()) {
        normalized.add(o.equals("*") ? o : o.toLowerCase());
      }
    }
    return new CorsPolicy(Set.copyOf(normalized));
  }

  /** Whether a page of this origin may read the API's answers. */
  public boolean allows(String origin) {
    return origin != null
        && !origin.isEmpty()
        && !"null".equals(origin)
        && (anyOrigin || origins.contains(origin.toLowerCase()));
  }

  /**
   * Whether a request is a CORS preflight: OPTIONS with {@code Origin} and {@code
   * Access-Control-Request-Method}.
   */
  public static boolean isPreflight(String method, String origin, String requestMethod) {
    return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestMethod != null;
  }

  /**
   * The headers of the 204 answering a preflight: the grant for an allowed origin, or only {@code
   * Vary: Origin} for another (the browser then blocks the real request).
   */
  public Map<String, String> preflightHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Vary", "Origin");
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
      headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
      headers.put("Access-Control-Max-Age", MAX_AGE);
    }
    return headers;
  }

  /** The headers added to an actual answer: the grant and exposed headers for an allowed origin. */
  public Map<String, String> responseHeaders(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (origin == null) {
      return headers;
    }
    headers.put("Vary", "Origin");
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    }
    return headers;
  }
}
