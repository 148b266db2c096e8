package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.limits.RateDecision;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ExportDownload;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;

/**
 * Answers every request outside {@code /__admin}: finds the route, authenticates, calls the
 * operation and renders its result or its error. The catch-all stub points here; register via
 * {@link SandboxServer}.
 */
final class ExportsDispatcher implements ResponseTransformerV2 {
  static final String NAME = "exports-sandbox";
  private static final Logger LOG = Logger.getLogger(ExportsDispatcher.class.getName());

  private final Routes routes;
  private final Authenticator authenticator;
  private final PlatformGate platform;
  private final DownloadTransfers transfers;
  private final ActivityLog log;
  private final Faults faults;
  private final LintObserver lint;

  ExportsDispatcher(Authenticator authenticator, PlatformGate platform, ApiOperations api,
      TestHelpers helpers, DownloadTransfers transfers, ActivityLog log, Faults faults,
      LintObserver lint) {
    this.faults = faults;
    this.lint = lint;
    this.authenticator = authenticator;
    this.platform = platform;
    this.transfers = transfers;
    this.log = log;
    String exports = Routes.BASE_PATH + "/exports";
    Routes.Builder table = new Routes.Builder()
        .add("GET", exports, "listExports", call -> json(200, api.list().handle(call.caller(),
            call.query().get("site_id"), call.query().get("page"), call.query().get("limit"),
            call.pathUrl())))
        .add("POST", exports, "requestExport", call -> json(200, api.request().handle(call.caller(),
            call.query().get("site_id"), Json.readBody(call.body()))))
        .add("GET", exports + "/{uuid}", "downloadExport", call -> file(api.download().handle(call.caller(),
            call.query().get("site_id"), call.params().get("uuid")), call));
    if (helpers != null) {
      helpers.addTo(table);
    }
    this.routes = table.build();
  }

  /** The API's three operations. */
  record ApiOperations(ListExportsOperation list, RequestExportOperation request,
      DownloadExportOperation download) {}

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public Response transform(Response response, ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    try {
      return answer(request);
    } catch (StateUnavailable e) {
      // Reached outside an operation (the docs page's clock, the lint, the rate headers).
      return unavailable(request, e);
    }
  }

  private Response answer(Request request) {
    String path = QueryString.path(request.getUrl());
    Optional<Response> early = platform.beforeRouting(request, path);
    if (early.isPresent()) {
      return early.get(); // complete already: a preflight carries its own CORS headers
    }
    long started = System.nanoTime();
    RateDecision rate = null;
    Routes.Match match = null;
    Caller caller = null;
    Response answer;
    try {
      match = routes.match(request.getMethod().getName(), path);
      caller = authenticator.authenticate(request.getHeader("Authorization"),
          request.getClientIp());
      rate = platform.limit(caller);
      if (match.route().operationId() != null) {
        faults.beforeOperation(caller.accountId(), match.route().operationId());
      }
      Call call = new Call(caller, QueryString.parse(request.getUrl()), request.getBody(),
          match.params(), QueryString.path(request.getAbsoluteUrl()), request.getClientIp(),
          request.getHeader(DownloadTransfers.HEADER));
      answer = match.route().handler().handle(call);
    } catch (PlatformGate.RateLimited e) {
      rate = e.decision;
      answer = error(new ApiException(ApiError.TOO_MANY_REQUESTS));
      log.throttled(caller.accountId(), "over " + rate.limit() + " requests a minute; retry after "
          + rate.retryAfter().toSeconds() + " s");
    } catch (ApiException e) {
      answer = error(e);
    } catch (StateUnavailable e) {
      answer = unavailable(request, e);
    } catch (RuntimeException e) {
      // A defect, never a client's fault: logged, and answered without internals.
      LOG.log(Level.SEVERE, "Unexpected failure on " + KeyMask.keysIn(request.getUrl()), e);
      answer = error(new ApiException(ApiError.SERVER_ERROR));
    }
    if (log.enabled()) {
      log.request(request.getClientIp(), caller == null ? null : caller.accountId(),
          request.getMethod().getName() + " " + request.getUrl(), answer.getStatus(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return lint.observe(request, match, caller, platform.decorate(answer, request, rate));
  }

  /** 503 with Retry-After: the shared state (Redis) does not answer; nothing was changed. */
  private static Response unavailable(Request request, StateUnavailable e) {
    LOG.log(Level.WARNING, "State unreachable on " + KeyMask.keysIn(request.getUrl()) + ": "
        + e.getMessage());
    return error(new ApiException(ApiError.SERVICE_UNAVAILABLE)
        .withRetryAfter(java.time.Duration.ofSeconds(1)));
  }

  static Response error(ApiException e) {
    ErrorRenderer.Rendered rendered = ErrorRenderer.render(e);
    List<HttpHeader> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : rendered.headers().entrySet()) {
      headers.add(new HttpHeader(h.getKey(), h.getValue()));
    }
    return Response.response()
        .status(rendered.status())
        .headers(new HttpHeaders(headers))
        .body(rendered.body())
        .configured(true)
        .build();
  }

  static Response json(int status, Object body) {
    return Response.response()
        .status(status)
        .headers(new HttpHeaders(new HttpHeader("Content-Type", "application/json")))
        .body(Json.write(body))
        .configured(true)
        .build();
  }

  /**
   * Streams the file: it is opened only when Jetty writes the body, never read whole. The
   * transfer is registered under the token the edge gave the request, so the edge can report
   * whether the last byte was written.
   */
  private Response file(ExportDownload download, Call call) {
    try {
      transfers.begin(call.transfer(), download.transfer(), call.client());
    } catch (ApiException noSlot) {
      transfers.refused(download.transfer()); // the file stays downloadable
      throw noSlot;
    }
    return Response.response()
        .status(200)
        .headers(
            new HttpHeaders(
                new HttpHeader("Content-Type", ExportDownload.CONTENT_TYPE),
                new HttpHeader("Content-Disposition", download.contentDisposition())))
        .body(new LazyFileSource(download.file()))
        .configured(true)
        .build();
  }
}
