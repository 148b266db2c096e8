package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.limits.RateDecision;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;

/**
 * The platform around the three operations, at the HTTP edge: the docs page, CORS preflights
 * and grants, and the per-account rate limit. The WireMock side of {@link CorsPolicy},
 * {@link DocsPage} and {@link RateLimiter}, which know nothing of WireMock.
 */
final class PlatformGate {
  private final CorsPolicy cors;
  private final DocsPage docs;
  private final RateLimiter limiter;
  private final AccountClocks clocks;

  PlatformGate(CorsPolicy cors, DocsPage docs, RateLimiter limiter, AccountClocks clocks) {
    this.cors = cors;
    this.docs = docs;
    this.limiter = limiter;
    this.clocks = clocks;
  }

  /** Complete answers that need no route nor key: the docs page and CORS preflights. */
  Optional<Response> beforeRouting(Request request, String path) {
    String method = request.getMethod().getName();
    if (DocsPage.handles(path) && method.equals("GET")) {
      return Optional.of(docs.get(path)
          .map(PlatformGate::resource)
          .orElseGet(() -> ExportsDispatcher.error(new ApiException(ApiError.ROUTE_NOT_FOUND, path))));
    }
    String origin = request.getHeader("Origin");
    if (CorsPolicy.isPreflight(method, origin, request.getHeader("Access-Control-Request-Method"))) {
      return Optional.of(Response.response().status(204)
          .headers(headers(cors.preflightHeaders(origin))).configured(true).build());
    }
    return Optional.empty();
  }

  /**
   * Counts the request against its account's limit (rate-limits); a refused request gets 429
   * before its operation runs, so it changes nothing.
   */
  RateDecision limit(Caller caller) {
    RateDecision decision = limiter.acquire(caller.accountId(),
        caller.account().apiCoreRateLimit(), clocks.now(caller.accountId()));
    if (!decision.allowed()) {
      throw new RateLimited(decision);
    }
    return decision;
  }

  /** Adds the CORS grant (for a listed origin) and the rate-limit headers to an answer. */
  Response decorate(Response answer, Request request, RateDecision rate) {
    Map<String, String> extra = new LinkedHashMap<>(cors.responseHeaders(request.getHeader("Origin")));
    if (rate != null) {
      extra.putAll(rate.headers());
    }
    if (extra.isEmpty()) {
      return answer;
    }
    HttpHeaders merged = answer.getHeaders();
    for (Map.Entry<String, String> h : extra.entrySet()) {
      merged = merged.plus(new HttpHeader(h.getKey(), h.getValue()));
    }
    return Response.Builder.like(answer).but().headers(merged).build();
  }

  private static Response resource(DocsPage.Resource resource) {
    return Response.response().status(200)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", resource.contentType())))
        .body(resource.body()).configured(true).build();
  }

  private static HttpHeaders headers(Map<String, String> values) {
    List<HttpHeader> list = new ArrayList<>();
    values.forEach((k, v) -> list.add(new HttpHeader(k, v)));
    return new HttpHeaders(list);
  }

  /** A request over its account's limit, with the decision for the headers of the 429. */
  static final class RateLimited extends RuntimeException {
    final transient RateDecision decision;

    RateLimited(RateDecision decision) {
      super("rate limited", null, false, false);
      this.decision = decision;
    }
  }
}
