package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.limits.RateDecision;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.store.RequestReads;
import pelcro.exports.sandbox.store.engine.StateUnavailable;

/**
 * Answers every request the sandbox owns: finds the route, authenticates, calls the operation and
 * renders its result or its error; the control API's routes need no key (the edge checked the admin
 * token). The sandbox's own server ({@link FrontDoor}) and the WireMock extension ({@link
 * SandboxExtensions}) both hand it each such request whole.
 *
 * @param routes the API's routes ({@link ApiRoutes}), and those of the test helpers and the control
 *     API where they are open
 */
record ExportsDispatcher(
    Routes routes,
    Authenticator authenticator,
    ApiExtrasGate extras,
    ActivityLog log,
    Faults faults,
    LintObserver lint) {
  private static final Logger LOG = Logger.getLogger(ExportsDispatcher.class.getName());

  /** Whether a control route takes this request (else WireMock's admin API answers it). */
  boolean isControl(String method, String path) {
    return routes.isControl(method, path);
  }

  /**
   * The answer to one request.
   *
   * @param transfer the token under which a download's transfer is reported to have ended
   */
  Answer answer(ApiRequest request, String transfer) {
    // One time and one fault flag per request, read once (see RequestReads).
    try (RequestReads.Scope reads = RequestReads.open()) {
      return route(request, transfer);
    } catch (StateUnavailable e) {
      // Reached outside an operation (the docs page's clock, the lint, the rate headers).
      return unavailable(request, e);
    }
  }

  private Answer route(ApiRequest request, String transfer) {
    String path = request.path();
    Optional<Answer> early = extras.beforeRouting(request, path);
    if (early.isPresent()) {
      return early.get(); // complete already: a preflight carries its own CORS headers
    }
    long started = System.nanoTime();
    RateDecision rate = null;
    Routes.Match match = null;
    Caller caller = null;
    Answer answer;
    boolean away = false;
    try {
      match = routes.match(request.method(), path);
      if (match.route().kind() == Routes.Kind.CONTROL) {
        Answer controlled = control(match, request);
        logRequest(request, null, controlled, started);
        return controlled;
      }
      caller = authenticator.authenticate(request.header("Authorization"), request.clientIp());
      extras.prefetch(
          caller,
          match.route().operationId(),
          requestedType(match, request),
          match.params().get("uuid"),
          lint.enabled());
      rate = extras.limit(caller);
      if (match.route().operationId() != null) {
        faults.beforeOperation(caller.accountId(), match.route().operationId());
      }
      Call call =
          new Call(
              caller,
              QueryString.parse(request.url()),
              request.body(),
              match.params(),
              QueryString.path(request.absoluteUrl()),
              request.clientIp(),
              transfer);
      answer = match.route().handler().handle(call);
    } catch (ApiExtrasGate.RateLimited e) {
      rate = e.decision;
      answer = Answer.error(new ApiException(ApiError.TOO_MANY_REQUESTS));
      log.throttled(
          caller.accountId(),
          "over "
              + rate.limit()
              + " requests a minute; retry after "
              + rate.retryAfter().toSeconds()
              + " s");
    } catch (ApiException e) {
      answer = Answer.error(e);
    } catch (StateUnavailable e) {
      answer = unavailable(request, e);
      away = true;
    } catch (RuntimeException e) {
      // A defect, never a client's fault: logged, and answered without internals.
      LOG.log(Level.SEVERE, "Unexpected failure on " + KeyMask.keysIn(request.url()), e);
      answer = Answer.error(new ApiException(ApiError.SERVER_ERROR));
    }
    logRequest(request, caller, answer, started);
    Answer decorated = extras.decorate(answer, request, rate);
    // The lint's observation would only wait for the same absent Redis a second time.
    return away ? decorated : lint.observe(request, match, caller, decorated);
  }

  /**
   * The export type a {@code POST /exports} body names, read ahead so that its slot is read with
   * the request's first read; null when there is none (the operation then refuses the body).
   */
  private static String requestedType(Routes.Match match, ApiRequest request) {
    if (!"requestExport".equals(match.route().operationId())) {
      return null;
    }
    try {
      JsonNode object = Json.readOptionalBody(request.body()).path("object");
      return object.isTextual() ? object.asText() : null;
    } catch (ApiException | IllegalArgumentException notJson) {
      return null;
    }
  }

  private void logRequest(ApiRequest request, Caller caller, Answer answer, long started) {
    if (log.enabled()) {
      log.request(
          request.clientIp(),
          caller == null ? null : caller.accountId(),
          request.method() + " " + request.url(),
          answer.status(),
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** A control call: no key, no rate limit, no lint; its bad input is the control API's 400. */
  private static Answer control(Routes.Match match, ApiRequest request) {
    try {
      Json.readOptionalBody(request.body()); // a malformed body is refused on every route
      return match
          .route()
          .handler()
          .handle(
              new Call(
                  null,
                  QueryString.parse(request.url()),
                  request.body(),
                  match.params(),
                  null,
                  request.clientIp(),
                  null));
    } catch (ApiException e) {
      return Answer.error(e);
    } catch (StateUnavailable e) {
      return unavailable(request, e);
    } catch (IllegalArgumentException e) {
      return Answer.error(new ApiException(ApiError.CONTROL_BAD_REQUEST, e.getMessage()));
    }
  }

  /** 503 with Retry-After: the shared state (Redis) does not answer; nothing was changed. */
  private static Answer unavailable(ApiRequest request, StateUnavailable e) {
    LOG.log(
        Level.WARNING,
        "State unreachable on " + KeyMask.keysIn(request.url()) + ": " + e.getMessage());
    return Answer.error(
        new ApiException(ApiError.SERVICE_UNAVAILABLE)
            .withRetryAfter(java.time.Duration.ofSeconds(1)));
  }
}
