package pelcro.exports.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import pelcro.exports.sandbox.assembly.ApiExtras;
import pelcro.exports.sandbox.assembly.StateEngines;
import pelcro.exports.sandbox.assembly.WarmUp;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.ControlScope;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.control.SessionsOperation;
import pelcro.exports.sandbox.data.BackgroundExportData;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.PreparedExportData;
import pelcro.exports.sandbox.data.SeededExportData;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.faults.FaultsFile;
import pelcro.exports.sandbox.faults.FaultsOperation;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.health.Readiness;
import pelcro.exports.sandbox.http.SandboxHost;
import pelcro.exports.sandbox.http.SandboxServer;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintFinding;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.log.PrintingActivityLog;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ExportContext;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.SeedParameters;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;
import pelcro.exports.sandbox.webhooks.WebhookDispatcher;

/**
 * A running sandbox, for embedding: wires clock, accounts, data, store and operations, and serves
 * them over HTTP until closed.
 *
 * <pre>{@code
 * try (Sandbox sb = Sandbox.builder().port(0).jobSeconds(2).start()) {
 *   String base = sb.baseUrl(); // http://127.0.0.1:<port>/api/v1/core
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {
  private final SandboxOptions options;
  private final SandboxClock clock;
  private final Accounts accounts;
  private final SandboxHost server;
  private WebhookDispatcher webhooks;
  private final CountDownLatch closed = new CountDownLatch(1);
  private IntegratorLint lint;
  private PreparedExportData prepared;

  private Sandbox(
      SandboxOptions options, SandboxClock clock, Accounts accounts, SandboxHost server) {
    this.options = options;
    this.clock = clock;
    this.accounts = accounts;
    this.server = server;
  }

  public static SandboxBuilder builder() {
    return new SandboxBuilder();
  }

  /** Starts a sandbox with these options on {@code baseClock}. */
  public static Sandbox start(SandboxOptions options, Clock baseClock) {
    return start(options, baseClock, sandbox -> {});
  }

  /**
   * The same, calling {@code announce} once everything is loaded and warmed up, just before {@code
   * GET /health} answers 200. The command line prints its banner there: the banner's first-time
   * work (the JDK's formatter, the options' descriptions) then no longer shares the cores with a
   * client's first request, which a health check lets in at once.
   */
  public static Sandbox start(SandboxOptions options, Clock baseClock, Consumer<Sandbox> announce) {
    return start(options, baseClock, null, announce);
  }

  static Sandbox start(SandboxOptions options, Clock baseClock, ExportData customData) {
    return start(options, baseClock, customData, sandbox -> {});
  }

  private static Sandbox start(
      SandboxOptions options, Clock baseClock, ExportData customData, Consumer<Sandbox> announce) {
    return start(options, baseClock, customData, announce, SandboxServer::start);
  }

  /**
   * The same, its routes served by {@code hosting}: the sandbox's own server, or the extensions of
   * someone's WireMock server (then nothing listens yet, so there is no warm-up).
   */
  static Sandbox start(
      SandboxOptions options,
      Clock baseClock,
      ExportData customData,
      Consumer<Sandbox> announce,
      SandboxHost.Factory hosting) {
    SandboxState state = new SandboxState(StateEngines.open(options), baseClock);
    SandboxClock clock = new SandboxClock(state.clocks());
    Accounts accounts =
        options.accounts() == null ? Accounts.defaults() : Accounts.load(options.accounts());
    SeedParameters world =
        state.agreeOnSeed(
            new SeedParameters(options.seed(), options.recordsPerType(), clock.instant()));
    BackgroundExportData seeded =
        new BackgroundExportData(
            () -> {
              SeededExportData generated =
                  new SeededExportData(world.seed(), world.recordsPerType(), world.anchor());
              // Before "ready", while WireMock starts on the main thread: "Nothing to export" can
              // be
              // asked at once, and the first export's file, printed while its job runs, would
              // otherwise
              // be printed by interpreted code, taking the cores from the client's next requests.
              generated.warmUpScans();
              generated.warmUp();
              return generated;
            });
    // The seeded files are printed while their job runs (a custom ExportData is left alone).
    PreparedExportData prepared =
        new PreparedExportData(
            seeded,
            options.prepareFilesMb() * 1024 * 1024,
            Path.of(System.getProperty("java.io.tmpdir")));
    ExportData data = customData != null ? customData : prepared;
    JobTiming timing =
        JobTiming.of(
            Duration.ofMillis(Math.round(options.jobSeconds() * 1000)),
            Duration.ofSeconds(options.fileTtlSeconds()));
    AtomicReference<Sandbox> self = new AtomicReference<>();
    AtomicBoolean stopAsked = new AtomicBoolean();
    Readiness readiness = new Readiness();
    // The warm-up's requests are the sandbox's own, not the user's: its accounts are muted.
    Set<Long> warmUpAccounts = ConcurrentHashMap.newKeySet();
    ActivityLog log =
        options.verbose()
            ? new PrintingActivityLog(System.out, clock, warmUpAccounts::contains)
            : ActivityLog.QUIET;
    Faults faults = new Faults(state.faults(), log);
    ApiExtras wiring =
        ApiExtras.of(
            options,
            state,
            clock,
            accounts,
            new Health(readiness, Clock.systemUTC(), state::unreachable),
            log,
            faults);
    ExportLifecycleEvents events = wiring.events();
    ListExportsOperation.Mode mode =
        options.listMode().equals("jobs")
            ? ListExportsOperation.Mode.JOBS
            : ListExportsOperation.Mode.TYPES;
    ExportContext exports = new ExportContext(state.jobs(), state.clocks(), data, events, faults);
    RequestExportOperation request = new RequestExportOperation(exports, timing, options.strict());
    FaultsOperation faultsControl = new FaultsOperation(state.faults());
    SandboxServer.Operations ops =
        new SandboxServer.Operations(
            new ListExportsOperation(state.jobs(), state.clocks(), mode, options.strict()),
            request,
            new DownloadExportOperation(exports),
            new ResetOperation(state, wiring.lint()::clear),
            new ClockOperation(state.clocks()),
            new CompleteExportOperation(state.jobs(), state.clocks(), timing, events),
            new FailExportOperation(state.jobs(), state.clocks(), events, faults),
            new SessionsOperation(state.sessions(), clock, state::endSession),
            faultsControl);
    // The spec with the request validator, and the data, load on their own threads while
    // WireMock and Jetty start here.
    Thread spec =
        new Thread(
            () -> {
              try {
                request.warmUp();
                readiness.specLoaded();
              } catch (RuntimeException | Error e) {
                readiness.failed(e);
              }
            },
            "exports-sandbox-spec");
    spec.setDaemon(true);
    spec.start();
    if (customData == null) {
      seeded.start(readiness::dataLoaded, readiness::failed);
    } else {
      readiness.dataLoaded();
    }
    SandboxHost server =
        hosting.host(
            new SandboxServer.Settings(
                options.port(),
                options.bind(),
                options.admin(),
                options.adminToken(),
                options.nonEnterpriseStatus(),
                options.journalEntries(),
                options.maxBodyBytes(),
                Duration.ofMillis(Math.round(options.bodyTimeoutSeconds() * 1000)),
                options.minDownloadBytesPerSecond(),
                options.maxDownloads(),
                options.maxDownloadsPerClient(),
                options.testHelpers(),
                options.trustedProxies(),
                () -> closeWhenStarted(self, stopAsked),
                options.rootDir()),
            accounts,
            ops,
            wiring.server());
    // The server listens while the spec and the data finish loading on their threads, so that
    // /health can answer 503 meanwhile; start() returns only once both are loaded, so the
    // banner, /health's 200 and the first request all come after the slow part.
    try {
      readiness.await();
      // Before the warm-up, so that its accepted exports also run the path of a file printed
      // while its job runs (a month of four types, some 40 rows each by default): otherwise the
      // first client's export paid for that path's first run.
      if (customData == null) {
        prepared.activate();
      }
      if (server.port() > 0) {
        WarmUp.run(
            rootUrl(options.bind(), server.port()),
            state,
            wiring.webhooks() == null,
            options.testHelpers(),
            warmUpAccounts::add);
      }
      server.forgetRequests(); // the journal starts with the first client's request
      loadFaults(options, state, faultsControl); // after the warm-up, which must weigh none
    } catch (RuntimeException | Error e) {
      server.close();
      prepared.close();
      throw e;
    }
    Sandbox sandbox = new Sandbox(options, clock, accounts, server);
    sandbox.webhooks = wiring.webhooks();
    sandbox.lint = wiring.lint();
    sandbox.prepared = prepared;
    self.set(sandbox);
    if (stopAsked.get()) {
      sandbox.close(); // shut down while it was still starting
      return sandbox;
    }
    try {
      announce.accept(sandbox);
    } finally {
      readiness.warmedUp();
    }
    return sandbox;
  }

  /** {@code --faults FILE}; nodes sharing a store load it once (the first finds no schedule). */
  private static void loadFaults(
      SandboxOptions options, SandboxState state, FaultsOperation control) {
    if (options.faults() != null && state.faults().all().isEmpty()) {
      try {
        control.add(ControlScope.WHOLE_SANDBOX, FaultsFile.read(options.faults()));
      } catch (pelcro.exports.sandbox.domain.ApiException e) {
        throw new IllegalArgumentException(
            "--faults " + options.faults() + ": " + e.getMessage(), e);
      }
    }
  }

  /** {@code POST /__admin/shutdown}: closes the sandbox now, or as soon as it has started. */
  private static void closeWhenStarted(AtomicReference<Sandbox> self, AtomicBoolean stopAsked) {
    stopAsked.set(true);
    Sandbox sandbox = self.get();
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** Waits until the sandbox is closed (by {@link #close} or {@code POST /__admin/shutdown}). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  public int port() {
    return server.port();
  }

  /** {@code http://<bind>:<port>}; the control API is under {@code /__admin/sandbox}. */
  public String rootUrl() {
    return rootUrl(options.bind(), port());
  }

  private static String rootUrl(String bind, int port) {
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /** {@code http://<bind>:<port>/api/v1/core}, the API's base URL. */
  public String baseUrl() {
    return rootUrl() + SandboxServer.BASE_PATH;
  }

  /** The control API's base URL, {@code <root>/__admin/sandbox}. */
  public String controlUrl() {
    return rootUrl() + "/__admin/sandbox";
  }

  public SandboxOptions options() {
    return options;
  }

  /** The sandbox clock (the same one the control API advances). */
  public SandboxClock clock() {
    return clock;
  }

  public List<Account> accounts() {
    return accounts.all();
  }

  /**
   * What the integrator lint found in the traffic so far (since the start or the last reset), by
   * account then rule; empty when every request was one a real integration may send.
   */
  public List<LintFinding> lint() {
    return lint.findings(null, null);
  }

  /**
   * The warnings about the user's stubs ({@code --root-dir}) that would answer one of the sandbox's
   * own paths: the sandbox answers there, never those stubs.
   */
  public List<String> shadowingStubs() {
    return server.shadowingStubs();
  }

  /** {@code <root>/docs}, the Swagger UI page of the spec. */
  public String docsUrl() {
    return rootUrl() + "/docs";
  }

  @Override
  public void close() {
    synchronized (closed) {
      if (closed.getCount() == 0) {
        return;
      }
      server.close();
      if (prepared != null) {
        prepared.close();
      }
      if (webhooks != null) {
        webhooks.close();
      }
      closed.countDown();
    }
  }
}
