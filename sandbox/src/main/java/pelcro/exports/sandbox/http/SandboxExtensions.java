package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.github.tomakehurst.wiremock.extension.requestfilter.AdminRequestFilterV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.security.Authenticator;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.RandomIds;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.store.Accounts;

/**
 * The sandbox inside a WireMock server of the user's: the same route table ({@link
 * ExportsDispatcher}) behind two request filters, one before the stubs (the exports, the test
 * helpers, the docs page, the health check: a stub never answers there) and one before the admin
 * API (the control API under {@code /__admin/sandbox}, behind the server's own admin
 * authenticator). Every other request is left to the user's stubs and WireMock's admin API.
 *
 * <p>WireMock writes an answer from bytes, so here an export file is read whole into its answer
 * (the sandbox's own server streams it); the download counts as handed out once it is read.
 */
public final class SandboxExtensions implements SandboxHost {
  private final ExportsDispatcher dispatcher;
  private final DownloadTransfers transfers;
  private final EdgeRules rules;
  private final Health health;
  private Runnable onStop = () -> {};

  /** The sandbox's routes, ready to be registered in a WireMock server; nothing listens yet. */
  public SandboxExtensions(
      SandboxServer.Settings settings,
      Accounts accounts,
      SandboxServer.Operations ops,
      SandboxServer.Extras extras) {
    this.transfers = SandboxServer.transfers(settings, ops);
    this.dispatcher = SandboxServer.dispatcher(settings, accounts, ops, extras, transfers);
    this.rules = new EdgeRules(settings.admin(), settings.adminToken());
    this.health = extras.health();
  }

  /**
   * The extensions to register in the user's WireMock server.
   *
   * @param stop run when that server stops (closes the sandbox)
   */
  public List<Extension> extensions(WireMockServices services, Runnable stop) {
    this.onStop = stop;
    return List.of(
        new OwnPaths(),
        new Control(services.getOptions().getAdminAuthenticator()),
        new ShadowCheck());
  }

  @Override
  public int port() {
    return -1;
  }

  @Override
  public void forgetRequests() {
    // The journal is the user's server's own.
  }

  @Override
  public List<String> shadowingStubs() {
    return List.of();
  }

  @Override
  public void close() {
    // The user's server stops itself; the sandbox's resources close with the sandbox.
  }

  /** The sandbox's own paths, before the user's stubs. */
  private final class OwnPaths implements StubRequestFilterV2 {
    @Override
    public String getName() {
      return "exports-sandbox-routes";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      String url = request.getUrl();
      String path = QueryString.path(url);
      if (!Routes.owns(path)) {
        return RequestFilterAction.continueWith(request);
      }
      String method = request.getMethod().getName();
      Optional<ApiException> refusal =
          rules.refusal(method, path, path, query(url), request.getHeader("Authorization"));
      if (refusal.isPresent()) {
        return respond(Answer.error(refusal.get()));
      }
      if (path.equals(FrontDoor.HEALTH_PATH) && (method.equals("GET") || method.equals("HEAD"))) {
        return respond(Answer.json(health.status(), health.body()));
      }
      boolean download = method.equals("GET") && path.startsWith(Routes.EXPORTS_PATH + "/");
      return respond(answer(request, url, download ? RandomIds.uuid().toString() : null));
    }

    @Override
    public void stop() {
      onStop.run();
    }
  }

  /** The control API, before WireMock's admin API. */
  private final class Control implements AdminRequestFilterV2 {
    private final Authenticator admin;

    Control(Authenticator admin) {
      this.admin = admin;
    }

    @Override
    public String getName() {
      return "exports-sandbox-control";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      // The admin API sees its paths without the prefix it is served under.
      String url =
          request.getUrl().startsWith(EdgeRules.ADMIN + "/")
              ? request.getUrl()
              : EdgeRules.ADMIN + request.getUrl();
      String path = QueryString.path(url);
      String method = request.getMethod().getName();
      if (!dispatcher.isControl(method, path)) {
        return RequestFilterAction.continueWith(request);
      }
      if (!admin.authenticate(request)) {
        return respond(Answer.error(new ApiException(ApiError.UNAUTHENTICATED)));
      }
      Optional<ApiException> refusal =
          rules.refusal(method, path, path, query(url), request.getHeader("Authorization"));
      return respond(refusal.map(Answer::error).orElseGet(() -> answer(request, url, null)));
    }
  }

  /** Tells the user when a stub they add would answer one of the sandbox's paths. */
  private static final class ShadowCheck implements StubLifecycleListener {
    @Override
    public String getName() {
      return "exports-sandbox-stub-check";
    }

    @Override
    public void afterStubCreated(StubMapping stub) {
      StubShadows.report(List.of(stub));
    }

    @Override
    public void afterStubEdited(StubMapping oldStub, StubMapping newStub) {
      StubShadows.report(List.of(newStub));
    }
  }

  private Answer answer(Request request, String url, String transfer) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (HttpHeader header : request.getHeaders().all()) {
      for (String value : header.values()) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(header.key(), value));
      }
    }
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
    ApiRequest api =
        new ApiRequest(
            request.getMethod().getName(),
            url,
            absolute(request, url),
            headers,
            request.getClientIp(),
            body);
    Answer answer = dispatcher.answer(api, transfer);
    if (answer.file() == null) {
      transfers.end(transfer, false); // refused before a slot was taken: nothing to end
      return answer;
    }
    try (InputStream file = answer.file().opener().open()) {
      byte[] bytes = file.readAllBytes();
      transfers.end(transfer, true);
      return new Answer(answer.status(), answer.headers(), bytes, null, null);
    } catch (IOException | RuntimeException e) {
      transfers.end(transfer, false);
      return Answer.error(new ApiException(ApiError.SERVER_ERROR));
    }
  }

  private static String absolute(Request request, String url) {
    return request.getScheme() + "://" + request.getHost() + ":" + request.getPort() + url;
  }

  private static String query(String url) {
    int mark = url.indexOf('?');
    return mark < 0 ? null : url.substring(mark + 1);
  }

  private static RequestFilterAction respond(Answer answer) {
    ResponseDefinitionBuilder definition =
        new ResponseDefinitionBuilder().withStatus(answer.status()).withBody(answer.body());
    answer.headers().forEach(definition::withHeader);
    ResponseDefinition built = definition.build();
    return RequestFilterAction.stopWith(built);
  }
}
