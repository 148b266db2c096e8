package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.RandomIds;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.log.ActivityLog;

/**
 * The sandbox's edge, a Jetty handler in front of WireMock: answers what needs no WireMock (the
 * health check, the edge's refusals, the admin shutdown), reads each request body whole without
 * holding a thread while the client sends it, then hands the sandbox's own paths (the exports, the
 * test helpers, the docs page, the control API) to the {@link ApiHandler}, and the rest to
 * WireMock: its admin API and the user's stubs. So a stub never answers on the sandbox's paths.
 *
 * <p>WireMock reads bodies on its servlet thread, so a client that sends headers and then half a
 * body would hold one of the server's threads until the idle timeout; a few dozen such clients
 * would leave none for anyone else. Here the body is gathered as it arrives and only a complete,
 * bounded body is handed on.
 */
final class FrontDoor extends Handler.Wrapper {
  static final String HEALTH_PATH = "/health";
  private static final String DOWNLOADS = Routes.BASE_PATH + "/exports/";
  private static final String SHUTDOWN_PATH = EdgeRules.ADMIN + "/shutdown";
  private static final byte[] NO_BODY = new byte[0];

  /** The admin calls that add or replace one stub. */
  private static final Pattern STUB_WRITES =
      Pattern.compile(
          "(POST " + EdgeRules.ADMIN + "/mappings|PUT " + EdgeRules.ADMIN + "/mappings/[^/]+)/?");

  private static final Logger LOG = Logger.getLogger(FrontDoor.class.getName());

  private final EdgeRules rules;
  private final Health health;
  private final int maxBodyBytes;
  private final Duration bodyDeadline;
  private final Runnable shutdown;
  private final DownloadTransfers transfers;
  private final ActivityLog log;
  private final ApiHandler api;

  FrontDoor(
      Handler wiremock,
      EdgeRules rules,
      Health health,
      int maxBodyBytes,
      Duration bodyDeadline,
      Runnable shutdown,
      DownloadTransfers transfers,
      ActivityLog log,
      ApiHandler api) {
    super(wiremock);
    this.api = api;
    this.rules = rules;
    this.health = health;
    this.maxBodyBytes = maxBodyBytes;
    this.bodyDeadline = bodyDeadline;
    this.shutdown = shutdown;
    this.transfers = transfers;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    String path = pathOf(request);
    Optional<ApiException> refusal =
        rules.refusal(
            method,
            path,
            request.getHttpURI().getPath(),
            request.getHttpURI().getQuery(),
            request.getHeaders().get(HttpHeader.AUTHORIZATION));
    if (refusal.isPresent()) {
      JettyAnswers.error(response, callback, refusal.get(), hasBody(request));
      logEdge(request, method, refusal.get().status());
      return true;
    }
    if (path.equals(HEALTH_PATH) && (method.equals("GET") || method.equals("HEAD"))) {
      Health.Report report = health.report(); // one look at Redis, which may be away
      JettyAnswers.json(response, callback, report.status(), Json.write(report.body()));
      logEdge(request, method, report.status()); // 503 while starting: --verbose shows it too
      return true;
    }
    if (path.equals(SHUTDOWN_PATH) && method.equals("POST")) {
      // Answer first, then stop: the process ends (standalone) or the server closes (embedded).
      JettyAnswers.json(
          response,
          Callback.from(callback, this::shutDownLater),
          200,
          ErrorRenderer.messageOnly("The sandbox is shutting down."));
      return true;
    }
    if (request.getLength() > BodyReader.DRAIN_LIMIT) {
      // Too large to drain: answer and close at once (the client may see a reset instead).
      JettyAnswers.error(response, callback, new ApiException(ApiError.BODY_TOO_LARGE), true);
      logEdge(request, method, 413);
      return true;
    }
    if (method.equals("OPTIONS") && EdgeRules.isAdmin(path)) {
      // No CORS grant for the admin API: a page elsewhere must not drive it from a browser.
      response.setStatus(204);
      callback.succeeded();
      return true;
    }
    if (EdgeRules.isAdmin(path)) {
      if (api.isControl(method, path)) {
        return withBody(
            request,
            response,
            callback,
            body -> api.handle(request, body, null, response, callback, false));
      }
      // WireMock's admin API.
      Response answer = new JsonErrorResponse(request, response, path);
      Callback logged = logged(request, response, callback, method);
      return withBody(
          request,
          response,
          logged,
          body -> {
            if (STUB_WRITES.matcher(method + " " + path).matches()) {
              shadowWarning(body).ifPresent(w -> answer.getHeaders().put(StubShadows.HEADER, w));
            }
            forward(request, body, answer, logged, path);
          });
    }
    if (!Routes.owns(path)) {
      // The user's stubs (--root-dir, /__admin/mappings); none matched: the vendor's JSON 404.
      Callback logged = logged(request, response, callback, method);
      return withBody(
          request, response, logged, body -> forward(request, body, response, logged, path));
    }
    String transfer = null;
    Callback done = callback;
    if (method.equals("GET") && path.startsWith(DOWNLOADS)) {
      // Whatever happens to the answer, Jetty's callback reports the transfer's end here.
      String token = RandomIds.uuid().toString();
      transfer = token;
      done =
          Callback.from(
              () -> {
                transfers.end(token, true);
                callback.succeeded();
              },
              failure -> {
                transfers.end(token, false);
                callback.failed(failure);
              });
    }
    String token = transfer;
    Callback finished = done;
    return withBody(
        request,
        response,
        finished,
        body -> api.handle(request, body, token, response, finished, true));
  }

  /** The warning for a stub sent to the admin API that would shadow the sandbox's paths. */
  private static Optional<String> shadowWarning(byte[] body) {
    try {
      return StubShadows.warning(StubMapping.buildFrom(new String(body, StandardCharsets.UTF_8)))
          .map(
              warning -> {
                LOG.warning(warning);
                return warning;
              });
    } catch (RuntimeException notAStub) {
      return Optional.empty(); // WireMock refuses it with its own answer
    }
  }

  /**
   * Runs {@code then} with the request's whole body (empty when it has none), read as it arrives
   * without holding a thread, within the body deadline and size limit.
   */
  private boolean withBody(
      Request request,
      Response response,
      Callback callback,
      java.util.function.Consumer<byte[]> then) {
    if (!hasBody(request)) {
      then.accept(NO_BODY);
      return true;
    }
    new BodyReader(
            request,
            maxBodyBytes,
            body -> {
              if (compressed(request, body)) {
                JettyAnswers.error(
                    response,
                    callback,
                    ApiException.invalid("body", "The body must be a JSON object."),
                    false);
              } else {
                then.accept(body);
              }
            },
            refused -> {
              JettyAnswers.error(response, callback, refused, true);
              logEdge(request, request.getMethod(), refused.status());
            })
        .start(bodyDeadline);
    return true;
  }

  /**
   * A compressed body (declared, or gzip by its magic bytes) is refused rather than inflated:
   * WireMock would inflate it whole, and a small gzip bomb would fill the heap.
   */
  private static boolean compressed(Request request, byte[] body) {
    String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
    boolean declared =
        encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity");
    return declared || body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b;
  }

  /** Hands the request, with the body the edge read, to WireMock: its admin API or the stubs. */
  private void forward(
      Request request, byte[] body, Response response, Callback callback, String path) {
    Request whole =
        hasBody(request) ? new BufferedRequest(request, body) : BufferedRequest.plain(request);
    try {
      if (!super.handle(whole, response, callback)) {
        JettyAnswers.error(
            response, callback, new ApiException(ApiError.ROUTE_NOT_FOUND, path), false);
      }
    } catch (Exception | Error e) {
      callback.failed(e); // Jetty's error handler answers a bare JSON 500
    }
  }

  /** {@code callback}, logging the answer's status when {@code --verbose} is on. */
  private Callback logged(Request request, Response response, Callback callback, String method) {
    return log.enabled()
        ? Callback.from(callback, () -> logEdge(request, method, response.getStatus()))
        : callback;
  }

  private void logEdge(Request request, String method, int status) {
    if (log.enabled()) {
      log.request(
          Request.getRemoteAddr(request),
          null,
          method + " " + request.getHttpURI().getPathQuery(),
          status,
          0);
    }
  }

  private void shutDownLater() {
    Thread stopper = new Thread(shutdown, "exports-sandbox-shutdown");
    stopper.setDaemon(false);
    stopper.start();
  }

  /** The decoded path; {@code CONNECT host:port} has none. */
  private static String pathOf(Request request) {
    String path = request.getHttpURI().getDecodedPath();
    return path == null || path.isEmpty() ? "*" : path;
  }

  /** HTTP/1.1 has a body when it declares a length above 0 or a transfer coding. */
  private static boolean hasBody(Request request) {
    return request.getLength() > 0
        || request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
  }
}
