package pelcro.exports.sandbox.http;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.common.FileSource;
import com.github.tomakehurst.wiremock.common.SingleRootFileSource;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongPredicate;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.control.SessionsOperation;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.faults.FaultsOperation;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.limits.RateLimiter;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintControl;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.store.RequestPlans;
import pelcro.exports.sandbox.tryit.CorsPolicy;
import pelcro.exports.sandbox.tryit.DocsPage;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;

/**
 * The WireMock 3 server of the sandbox: WireMock's Jetty 12 server with the sandbox's edge in
 * front, which serves the sandbox's own paths itself ({@link ApiHandler}); WireMock serves its
 * admin API and the user's stubs ({@code --root-dir}, {@code /__admin/mappings}) on every other
 * path. The only class that configures a WireMock server of the sandbox's own.
 */
public final class SandboxServer implements SandboxHost {
  /** The API's base path. */
  public static final String BASE_PATH = Routes.BASE_PATH;

  /** A classpath folder that does not exist: WireMock serves no files of its own. */
  private static final String NO_FILES = "exports-sandbox-no-wiremock-files";

  /**
   * Jetty's threads. Bodies are read and files written without holding a thread while the client is
   * slow (see FrontDoor and ApiHandler), so threads are only held by requests being answered (a
   * Redis round trip included) and by the next chunk of a file being generated.
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
   * @param rootDir the user's WireMock root folder (mappings, __files), or null
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
      List<String> trustedProxies,
      Runnable shutdown,
      Path rootDir) {}

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
   * The extras around the operations: CORS, the docs page, rate limits, the accounts made at run
   * time, the webhook deliveries' control, the health check, the activity log, the scheduled faults
   * and the integrator lint.
   *
   * @param runtimeKeys the account of a key made at run time, by key and client address
   * @param knownAccount whether an account id names an account (the control API's routes)
   */
  public record Extras(
      CorsPolicy cors,
      DocsPage docs,
      RateLimiter limiter,
      AccountClocks clocks,
      RequestPlans plans,
      BiFunction<String, String, Optional<Account>> runtimeKeys,
      LongPredicate knownAccount,
      DeliveriesControl deliveries,
      Health health,
      ActivityLog log,
      Faults faults,
      IntegratorLint lint) {}

  private final WireMockServer server;
  private final ApiJournal journal;
  private final List<String> shadowing;

  private SandboxServer(WireMockServer server, ApiJournal journal, List<String> shadowing) {
    this.server = server;
    this.journal = journal;
    this.shadowing = shadowing;
  }

  /**
   * The answers to every request the sandbox owns (the API, the test helpers, the docs page and,
   * when admin is open, the control API), whichever server carries them.
   */
  static ExportsDispatcher dispatcher(
      Settings settings,
      Accounts accounts,
      Operations ops,
      Extras extras,
      DownloadTransfers transfers) {
    Routes.Builder table = new Routes.Builder();
    new ApiRoutes(ops.list(), ops.request(), ops.download(), transfers).addTo(table);
    if (settings.testHelpers()) {
      new TestHelpers(ops.clock(), ops.reset(), ops.complete(), ops.fail(), ops.faults())
          .addTo(table);
    }
    if (settings.admin()) {
      new ControlRoutes(
              ops.reset(),
              ops.clock(),
              ops.complete(),
              ops.fail(),
              ops.sessions(),
              ops.faults(),
              extras.deliveries(),
              new LintControl(extras.lint()),
              extras.knownAccount())
          .addTo(table);
    }
    return new ExportsDispatcher(
        table.build(),
        new Authenticator(accounts, settings.nonEnterpriseStatus(), extras.runtimeKeys()::apply),
        new ApiExtrasGate(
            extras.cors(), extras.docs(), extras.limiter(), extras.clocks(), extras.plans()),
        extras.log(),
        extras.faults(),
        new LintObserver(extras.lint()));
  }

  static DownloadTransfers transfers(Settings settings, Operations ops) {
    return new DownloadTransfers(
        settings.maxDownloads(), settings.maxDownloadsPerClient(), ops.download()::finished);
  }

  /** Starts listening with the extras around the operations; returns once it accepts requests. */
  public static SandboxServer start(
      Settings settings, Accounts accounts, Operations ops, Extras extras) {
    DownloadTransfers transfers = transfers(settings, ops);
    ExportsDispatcher dispatcher = dispatcher(settings, accounts, ops, extras, transfers);
    ApiJournal journal = new ApiJournal(settings.journalEntries());
    ApiHandler api =
        new ApiHandler(dispatcher, journal, new ClientAddresses(settings.trustedProxies()));
    FileSource files =
        settings.rootDir() == null
            ? new ClasspathFileSource(NO_FILES)
            : new SingleRootFileSource(settings.rootDir().toFile());
    WireMockConfiguration config =
        options()
            .port(settings.port())
            .bindAddress(settings.bind())
            .httpServerFactory(
                new SandboxHttpServerFactory(
                    new SandboxHttpServerFactory.Edge(
                        new EdgeRules(settings.admin(), settings.adminToken()),
                        extras.health(),
                        settings.maxBodyBytes(),
                        settings.bodyDeadline(),
                        settings.minDownloadBytesPerSecond(),
                        settings.shutdown(),
                        transfers,
                        extras.log(),
                        api)))
            .withStores(new JournalStores(files, journal))
            .fileSource(files)
            .notMatchedRendererFactory(extensions -> new UnmatchedStubs(extras.log()))
            .containerThreads(CONTAINER_THREADS)
            // One acceptor is plenty for a sandbox, and more than the cores makes Jetty warn.
            .jettyAcceptors(1)
            // Stubs (--root-dir, or /__admin/mappings while admin is open) may ask for WireMock's
            // response-template transformer, as WireMock users expect; where no stub can exist,
            // Handlebars and its helpers are not loaded, which shortens the start.
            .templatingEnabled(settings.admin() || settings.rootDir() != null)
            .gzipDisabled(true)
            .http2PlainDisabled(true)
            .notifier(new Slf4jNotifier(false))
            .httpClientFactory(new NoOutboundHttpClient());
    if (settings.journalEntries() <= 0) {
      config.disableRequestJournal();
    } else {
      config.maxRequestJournalEntries(settings.journalEntries());
    }
    WireMockServer server = new WireMockServer(config);
    server.start();
    return new SandboxServer(
        server, journal, StubShadows.report(server.listAllStubMappings().getMappings()));
  }

  /** Empties the request journal ({@code /__admin/requests}). */
  @Override
  public void forgetRequests() {
    journal.clear();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public List<String> shadowingStubs() {
    return shadowing;
  }

  @Override
  public void close() {
    server.stop();
  }
}
