package pelcro.exports.sandbox.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.Options.ChunkedEncodingPolicy;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;
import java.util.Optional;
import java.util.function.Function;

/**
 * The WireMock 3 server of the sandbox: one catch-all stub sends every non-admin request to
 * {@link ExportsDispatcher}; the control API is an admin extension. The only class that
 * configures WireMock.
 */
public final class SandboxServer implements AutoCloseable {
  /** The API's base path. */
  public static final String BASE_PATH = Routes.BASE_PATH;

  /** How the server listens and what it keeps. */
  public record Settings(
      int port,
      String bind,
      boolean admin,
      int nonEnterpriseStatus,
      int journalEntries,
      int maxBodyBytes) {}

  /** The operations the server exposes. */
  public record Operations(
      ListExportsOperation list,
      RequestExportOperation request,
      DownloadExportOperation download,
      ResetOperation reset,
      ClockOperation clock,
      CompleteExportOperation complete,
      FailExportOperation fail) {}

  /**
   * The platform around the operations: CORS, the docs page, rate limits, Try-it keys, the
   * webhook deliveries' control and the integrator lint.
   */
  public record Platform(
      CorsPolicy cors,
      DocsPage docs,
      RateLimiter limiter,
      Function<String, Optional<Account>> tryItAccounts,
      DeliveriesControl deliveries,
      IntegratorLint lint) {}

  private final WireMockServer server;

  private SandboxServer(WireMockServer server) {
    this.server = server;
  }

  /** Starts listening with the platform around the operations; returns once it accepts requests. */
  public static SandboxServer start(
      Settings settings, Accounts accounts, Operations ops, Platform platform) {
    ExportsDispatcher dispatcher =
        new ExportsDispatcher(
            new Authenticator(accounts, settings.nonEnterpriseStatus(), platform.tryItAccounts()),
            new PlatformGate(platform.cors(), platform.docs(), platform.limiter()),
            new LintObserver(platform.lint()),
            ops.list(),
            ops.request(),
            ops.download());
    WireMockConfiguration config =
        options()
            .port(settings.port())
            .bindAddress(settings.bind())
            .httpServerFactory(
                new GuardedJettyServerFactory(settings.maxBodyBytes(), settings.admin()))
            .usingFilesUnderClasspath("exports-sandbox-no-wiremock-files")
            .containerThreads(64)
            .gzipDisabled(true)
            .http2PlainDisabled(true)
            .useChunkedTransferEncoding(ChunkedEncodingPolicy.ALWAYS)
            // The journal reads response bodies up to this size: 0 keeps downloads out of it.
            .maxLoggedResponseSize(0)
            .notifier(new Slf4jNotifier(false))
            .extensions(dispatcher);
    if (settings.admin()) {
      config.extensions(
          new SandboxAdminApi(
              ops.reset(), ops.clock(), ops.complete(), ops.fail(), platform.deliveries(),
              platform.lint()));
    }
    if (settings.journalEntries() <= 0) {
      config.disableRequestJournal();
    } else {
      config.maxRequestJournalEntries(settings.journalEntries());
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    server.stubFor(
        any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(ExportsDispatcher.NAME)));
    return new SandboxServer(server);
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
