package pelcro.exports.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * What the edge refuses before WireMock sees a request: methods no route takes, WireMock's file
 * server, and the parts of {@code /__admin} that are closed or need the admin token.
 *
 * <p>WireMock's admin API is open with the control API, behind the same {@code --no-admin} and
 * {@code --admin-token}: its request journal (keys masked), near misses, and the user's stubs
 * ({@code /__admin/mappings}, {@code /__admin/reset}, {@code /__admin/scenarios}), which can never
 * replace the sandbox's own routes (they are not stubs). Its settings, recording, proxy and
 * extension routes stay closed for writing, and {@code /__admin/files} (which answers with internal
 * paths) is not served at all.
 */
final class EdgeRules {
  static final String ADMIN = "/__admin";

  /** Methods some route takes (OPTIONS for CORS preflights, HEAD like GET). */
  private static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** WireMock's admin routes that change how it runs or serve its files: read-only. */
  private static final Set<String> WIREMOCK_EDITING =
      Set.of("/settings", "/recordings", "/files", "/extensions", "/proxy");

  /** WireMock's admin pages (its UI and docs): not the sandbox's, and they redirect. */
  private static final Set<String> WIREMOCK_PAGES =
      Set.of("/swagger-ui", "/webapp", "/docs", "/recorder", "/not-matched");

  /** What an admin route's path is made of, as sent: no braces, no escapes, no path parameters. */
  private static final java.util.regex.Pattern ADMIN_PATH =
      java.util.regex.Pattern.compile("[A-Za-z0-9/_.~-]*");

  /** No call of this API has more than a handful of parameters; thousands cost time to parse. */
  static final int MAX_QUERY_PARAMETERS = 100;

  private final boolean adminOpen;
  private final byte[] adminToken;

  /**
   * @param adminToken the token every {@code /__admin} call must send, or null for none
   */
  EdgeRules(boolean adminOpen, String adminToken) {
    this.adminOpen = adminOpen;
    this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The refusal for this request, if the edge refuses it.
   *
   * @param path the decoded path, without path parameters
   * @param rawPath the path as sent (WireMock's admin router reads this one)
   */
  Optional<ApiException> refusal(
      String method, String path, String rawPath, String rawQuery, String authorization) {
    if (!METHODS.contains(method)) {
      return Optional.of(
          new ApiException(ApiError.METHOD_NOT_ALLOWED, method, path, String.join(", ", METHODS))
              .withAllow(String.join(", ", METHODS)));
    }
    if (path.equals("/__files") || path.startsWith("/__files/")) {
      return Optional.of(new ApiException(ApiError.ROUTE_NOT_FOUND, path));
    }
    if (!QueryString.decodable(rawQuery)) {
      return Optional.of(ApiException.invalid("query", "The query string is malformed."));
    }
    if (rawQuery != null && parameters(rawQuery) > MAX_QUERY_PARAMETERS) {
      return Optional.of(
          ApiException.invalid(
              "query", "The query string has more than " + MAX_QUERY_PARAMETERS + " parameters."));
    }
    if (isAdmin(path)) {
      return adminRefusal(method, path, rawPath == null ? path : rawPath, authorization);
    }
    return Optional.empty();
  }

  private static int parameters(String rawQuery) {
    int count = 1;
    for (int i = 0; i < rawQuery.length(); i++) {
      if (rawQuery.charAt(i) == '&') {
        count++;
      }
    }
    return count;
  }

  static boolean isAdmin(String path) {
    return path.equals(ADMIN) || path.startsWith(ADMIN + "/");
  }

  private Optional<ApiException> adminRefusal(
      String method, String path, String rawPath, String authorization) {
    // /__admin itself would be redirected to /__admin/ with the client's Host header.
    if (!adminOpen || path.equals(ADMIN) || path.equals(ADMIN + "/")) {
      return Optional.of(new ApiException(ApiError.ROUTE_NOT_FOUND, path));
    }
    if (adminToken != null && !tokenMatches(authorization)) {
      return Optional.of(new ApiException(ApiError.UNAUTHENTICATED));
    }
    String route = path.substring(ADMIN.length());
    if (!ADMIN_PATH.matcher(rawPath).matches()) {
      // WireMock's admin router reads braces as a path template and fails on them, and on
      // anything else a URI may not hold; it parses the path as sent (";params" included).
      return Optional.of(new ApiException(ApiError.ROUTE_NOT_FOUND, path));
    }
    for (String page : WIREMOCK_PAGES) {
      if (route.equals(page) || route.startsWith(page + "/")) {
        return Optional.of(new ApiException(ApiError.ROUTE_NOT_FOUND, path));
      }
    }
    for (String closed : WIREMOCK_EDITING) {
      if (route.equals(closed) || route.startsWith(closed + "/")) {
        boolean readOnly = method.equals("GET") && !closed.equals("/files");
        return readOnly
            ? Optional.empty()
            : Optional.of(new ApiException(ApiError.WIREMOCK_ADMIN_CLOSED, method, path));
      }
    }
    return Optional.empty();
  }

  /** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
  private boolean tokenMatches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] sent = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(sent, adminToken);
  }
}
