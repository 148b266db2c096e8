package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.common.url.PathTemplate;
import java.util.List;
import java.util.stream.Collectors;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The route table: method + path template → handler: the API's three operations in the spec's
 * order, then the test helpers. No other class parses API paths. An unknown path answers 404, a
 * known path with another method 405.
 */
final class Routes {
  /** Where the Core API lives (core-intro: {@code https://www.pelcro.com/api/v1/core}). */
  static final String BASE_PATH = "/api/v1/core";

  /**
   * One row of the table.
   *
   * @param operationId the spec's operationId (for scheduled operation faults), or null for a
   *     test helper
   */
  record Route(String method, PathTemplate template, String operationId, Handler handler) {}

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

    Builder add(String method, String path, Handler handler) {
      return add(method, path, null, handler);
    }

    Builder add(String method, String path, String operationId, Handler handler) {
      routes.add(new Route(method, new PathTemplate(path), operationId, handler));
      return this;
    }

    Routes build() {
      return new Routes(routes);
    }
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
