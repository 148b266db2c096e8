package pelcro.exports.sandbox.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.limits.RateDecision;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.RequestPlans;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;

/**
 * What the sandbox adds around the three operations, at the HTTP edge: the docs page, CORS
 * preflights and grants, and the per-account rate limit. The HTTP side of {@link CorsPolicy},
 * {@link DocsPage} and {@link RateLimiter}, which know nothing of HTTP.
 */
final class ApiExtrasGate {
  private final CorsPolicy cors;
  private final DocsPage docs;
  private final RateLimiter limiter;
  private final AccountClocks clocks;
  private final RequestPlans plans;

  ApiExtrasGate(
      CorsPolicy cors,
      DocsPage docs,
      RateLimiter limiter,
      AccountClocks clocks,
      RequestPlans plans) {
    this.cors = cors;
    this.docs = docs;
    this.limiter = limiter;
    this.clocks = clocks;
    this.plans = plans;
  }

  /**
   * Reads, in one round trip, what the caller's request will need (its clock, its lint notes, the
   * job or slot it names) and counts it in its rate window (see {@link RequestPlans}).
   *
   * @param operationId the route's operation, null for a test helper
   * @param type the export type a request's body asks for, if it names one
   * @param uuid the export a download names, if any
   */
  void prefetch(Caller caller, String operationId, String type, String uuid, boolean lint) {
    RequestPlans.Kind kind =
        operationId == null
            ? RequestPlans.Kind.OTHER
            : switch (operationId) {
              case "listExports" -> RequestPlans.Kind.LIST;
              case "requestExport" -> RequestPlans.Kind.REQUEST;
              case "downloadExport" -> RequestPlans.Kind.DOWNLOAD;
              default -> RequestPlans.Kind.OTHER;
            };
    plans.prefetch(
        new RequestPlans.Request(
            caller.accountId(),
            kind,
            type,
            uuid,
            lint,
            limiter.subject(caller.accountId(), caller.account().apiCoreRateLimit()),
            RateLimiter.window()));
  }

  /** Complete answers that need no route nor key: the docs page and CORS preflights. */
  Optional<Answer> beforeRouting(ApiRequest request, String path) {
    String method = request.method();
    if (DocsPage.handles(path) && method.equals("GET")) {
      return Optional.of(
          docs.get(path)
              .map(resource -> Answer.bytes(200, resource.contentType(), resource.body()))
              .orElseGet(() -> Answer.error(new ApiException(ApiError.ROUTE_NOT_FOUND, path))));
    }
    String origin = request.header("Origin");
    if (CorsPolicy.isPreflight(method, origin, request.header("Access-Control-Request-Method"))) {
      return Optional.of(Answer.empty(204, cors.preflightHeaders(origin)));
    }
    return Optional.empty();
  }

  /**
   * Counts the request against its account's limit (rate-limits); a refused request gets 429 before
   * its operation runs, so it changes nothing.
   */
  RateDecision limit(Caller caller) {
    RateDecision decision =
        limiter.acquire(
            caller.accountId(),
            caller.account().apiCoreRateLimit(),
            clocks.now(caller.accountId()));
    if (!decision.allowed()) {
      throw new RateLimited(decision);
    }
    return decision;
  }

  /** Adds the CORS grant (for a listed origin) and the rate-limit headers to an answer. */
  Answer decorate(Answer answer, ApiRequest request, RateDecision rate) {
    Map<String, String> cors = this.cors.responseHeaders(request.header("Origin"));
    if (rate == null) {
      return answer.withHeaders(cors);
    }
    Map<String, String> extra = new LinkedHashMap<>(cors);
    extra.putAll(rate.headers());
    return answer.withHeaders(extra);
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
