package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import java.util.List;
import java.util.stream.Collectors;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The route table: method + path template → handler: the API's three operations in the spec's
 * order, the test helpers ({@code /__sandbox}) and the control API ({@code /__admin/sandbox}), one
 * table for both servings (the sandbox's own server and a WireMock extension). No other class
 * parses these paths. An unknown path answers 404, a known path with another method 405.
 */
final class Routes {
  /** Where the Core API lives (core-intro: {@code https://www.pelcro.com/api/v1/core}). */
  static final String BASE_PATH = "/api/v1/core";

  /** The API's paths the sandbox serves itself: no stub ever answers under them. */
  static final String EXPORTS_PATH = BASE_PATH + "/exports";

  /** Where the control API lives: WireMock's admin root, the sandbox's part of it. */
  static final String CONTROL_PATH = "/__admin/sandbox";

  private static final String HEALTH_PATH = "/health";

  /**
   * One row of the table.
   *
   * @param operationId the spec's operationId (for scheduled operation faults), or null for a test
   *     helper
   */
  record Route(
      String method, PathTemplate template, String operationId, Kind kind, Handler handler) {}

  /** Who may call a route, and how its exchange is told. */
  enum Kind {
    /** One of the spec's operations: an account's key, rate-limited, linted, journaled. */
    API,
    /** A test helper: an account's key, acting on that account; rate-limited like the API. */
    HELPER,
    /** The control API: the admin token (checked at the edge), the whole sandbox; no journal. */
    CONTROL
  }

  /** What a route does once its request is authenticated. */
  @FunctionalInterface
  interface Handler {
    Answer handle(Call call);
  }

  /** A matched route with its path parameters. */
  record Match(Route route, PathParams params) {}

  /** Where the test helpers live: outside the vendor's paths, acting on the caller's account. */
  static final String HELPERS_PATH = pelcro.exports.sandbox.tryit.DocsPage.HELPERS_PATH;

  private final List<Route> routes;

  private Routes(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** The table, built route by route in the spec's order. */
  static final class Builder {
    private final List<Route> routes = new java.util.ArrayList<>();

    /** A test helper's route. */
    Builder add(String method, String path, Handler handler) {
      routes.add(new Route(method, new PathTemplate(path), null, Kind.HELPER, handler));
      return this;
    }

    /** An operation of the spec. */
    Builder add(String method, String path, String operationId, Handler handler) {
      routes.add(new Route(method, new PathTemplate(path), operationId, Kind.API, handler));
      return this;
    }

    /** A control route, under {@link #CONTROL_PATH}. */
    Builder control(String method, String path, Handler handler) {
      routes.add(
          new Route(method, new PathTemplate(CONTROL_PATH + path), null, Kind.CONTROL, handler));
      return this;
    }

    Routes build() {
      return new Routes(routes);
    }
  }

  /**
   * Whether the sandbox serves {@code path} itself (the exports, the test helpers, the health
   * check, the docs page): a stub never answers there.
   */
  static boolean owns(String path) {
    return under(path, EXPORTS_PATH)
        || under(path, HELPERS_PATH)
        || under(path, HEALTH_PATH)
        || under(path, pelcro.exports.sandbox.tryit.DocsPage.PATH);
  }

  private static boolean under(String path, String root) {
    return path.startsWith(root)
        && (path.length() == root.length() || path.charAt(root.length()) == '/');
  }

  /** Whether a control route takes this method and path (else WireMock's admin API answers). */
  boolean isControl(String method, String path) {
    if (!path.startsWith(CONTROL_PATH + "/")) {
      return false;
    }
    for (Route route : routes) {
      if (route.kind() == Kind.CONTROL
          && route.method().equals(method)
          && route.template().matches(path)) {
        return true;
      }
    }
    return false;
  }

  Match match(String method, String rawPath) {
    // Laravel's router ignores a trailing slash, and so do validators: /exports/ is /exports.
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    List<Route> onPath = new java.util.ArrayList<>(2);
    for (Route route : routes) {
      if (route.template().matches(path)) {
        if (route.method().equals(method)) {
          return new Match(route, route.template().parse(path));
        }
        onPath.add(route);
      }
    }
    if (onPath.isEmpty()) {
      throw new ApiException(ApiError.ROUTE_NOT_FOUND, path);
    }
    String allowed = onPath.stream().map(Route::method).collect(Collectors.joining(", "));
    throw new ApiException(ApiError.METHOD_NOT_ALLOWED, method, path, allowed).withAllow(allowed);
  }
}
