package pelcro.exports.sandbox.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.FaultsOperation;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.control.SessionsOperation;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintControl;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;

/**
 * The WireMock 3 server of the sandbox: WireMock's Jetty 12 server with the sandbox's edge in
 * front, which serves the API itself ({@link ApiHandler}); WireMock serves its admin API (the
 * request journal, read-only) and the control API, an admin extension. The only class that
 * configures WireMock.
 */
public final class SandboxServer implements AutoCloseable {
  /** The API's base path. */
  public static final String BASE_PATH = Routes.BASE_PATH;
  /** A classpath folder that does not exist: WireMock serves no files of its own. */
  private static final String NO_FILES = "exports-sandbox-no-wiremock-files";
  /**
   * Jetty's threads. Bodies are read and files written without holding a thread while the client
   * is slow (see FrontDoor and ApiHandler), so threads are only held by requests being answered
   * (a Redis round trip included) and by the next chunk of a file being generated.
   */
  private static final int CONTAINER_THREADS = 100;

  /**
   * How the server listens, what it keeps and what its edge enforces.
   *
   * @param adminToken the bearer token every {@code /__admin} call must send, or null
   * @param bodyDeadline how long a client may take to send a request body
   * @param minDownloadBytesPerSecond a download read slower than this is cut; 0 never
   * @param maxDownloads downloads written at once, at most
   * @param maxDownloadsPerClient downloads written at once to one client address, at most
   * @param testHelpers whether {@code /__sandbox} is open
   * @param trustedProxies proxies whose {@code X-Forwarded-For} names the client
   * @param shutdown what {@code POST /__admin/shutdown} does, after answering
   */
  public record Settings(
      int port,
      String bind,
      boolean admin,
      String adminToken,
      int nonEnterpriseStatus,
      int journalEntries,
      int maxBodyBytes,
      Duration bodyDeadline,
      long minDownloadBytesPerSecond,
      int maxDownloads,
      int maxDownloadsPerClient,
      boolean testHelpers,
      java.util.List<String> trustedProxies,
      Runnable shutdown) {}

  /** The operations the server exposes: the API's, and the control calls. */
  public record Operations(
      ListExportsOperation list,
      RequestExportOperation request,
      DownloadExportOperation download,
      ResetOperation reset,
      ClockOperation clock,
      CompleteExportOperation complete,
      FailExportOperation fail,
      SessionsOperation sessions,
      FaultsOperation faults) {}

  /**
   * The platform around the operations: CORS, the docs page, rate limits, the accounts made at
   * run time, the webhook deliveries' control, the health check, the activity log, the
   * scheduled faults and the integrator lint.
   *
   * @param runtimeKeys the account of a key made at run time, by key and client address
   * @param knownAccount whether an account id names an account (the control API's routes)
   */
  public record Platform(
      CorsPolicy cors,
      DocsPage docs,
      RateLimiter limiter,
      AccountClocks clocks,
      BiFunction<String, String, Optional<Account>> runtimeKeys,
      LongPredicate knownAccount,
      DeliveriesControl deliveries,
      Health health,
      ActivityLog log,
      Faults faults,
      IntegratorLint lint) {}

  private final WireMockServer server;
  private final ApiJournal journal;

  private SandboxServer(WireMockServer server, ApiJournal journal) {
    this.server = server;
    this.journal = journal;
  }

  /** Starts listening with the platform around the operations; returns once it accepts requests. */
  public static SandboxServer start(
      Settings settings, Accounts accounts, Operations ops, Platform platform) {
    DownloadTransfers transfers = new DownloadTransfers(settings.maxDownloads(),
        settings.maxDownloadsPerClient(), ops.download()::finished);
    ExportsDispatcher dispatcher = new ExportsDispatcher(
        new Authenticator(accounts, settings.nonEnterpriseStatus(), platform.runtimeKeys()::apply),
        new PlatformGate(platform.cors(), platform.docs(), platform.limiter(), platform.clocks()),
        new ExportsDispatcher.ApiOperations(ops.list(), ops.request(), ops.download()),
        settings.testHelpers()
            ? new TestHelpers(ops.clock(), ops.reset(), ops.complete(), ops.fail(), ops.faults())
            : null,
        transfers, platform.log(), platform.faults(), new LintObserver(platform.lint()));
    ApiJournal journal = new ApiJournal(settings.journalEntries());
    ApiHandler api = new ApiHandler(dispatcher, journal,
        new ClientAddresses(settings.trustedProxies()));
    WireMockConfiguration config =
        options()
            .port(settings.port())
            .bindAddress(settings.bind())
            .httpServerFactory(new SandboxHttpServerFactory(new SandboxHttpServerFactory.Edge(
                new EdgeRules(settings.admin(), settings.adminToken()), platform.health(),
                settings.maxBodyBytes(), settings.bodyDeadline(),
                settings.minDownloadBytesPerSecond(), settings.shutdown(), transfers,
                platform.log(), api)))
            .withStores(new JournalStores(new ClasspathFileSource(NO_FILES), journal))
            .usingFilesUnderClasspath(NO_FILES)
            .containerThreads(CONTAINER_THREADS)
            // One acceptor is plenty for a sandbox, and more than the cores makes Jetty warn.
            .jettyAcceptors(1)
            // No stub can be added (the mapping routes answer 405), so no response template
            // is ever rendered: not loading Handlebars and its helpers shortens the start.
            .templatingEnabled(false)
            .gzipDisabled(true)
            .http2PlainDisabled(true)
            .notifier(new Slf4jNotifier(false))
            .httpClientFactory(new NoOutboundHttpClient());
    if (settings.admin()) {
      config.extensions(new SandboxAdminApi(new SandboxAdminApi.ControlOperations(ops.reset(),
          ops.clock(), ops.complete(), ops.fail(), ops.sessions(), ops.faults(),
          platform.deliveries(), new LintControl(platform.lint())), platform.knownAccount()));
    }
    if (settings.journalEntries() <= 0) {
      config.disableRequestJournal();
    } else {
      config.maxRequestJournalEntries(settings.journalEntries());
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    return new SandboxServer(server, journal);
  }

  /** Empties the request journal ({@code /__admin/requests}). */
  public void forgetRequests() {
    journal.clear();
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }
}
