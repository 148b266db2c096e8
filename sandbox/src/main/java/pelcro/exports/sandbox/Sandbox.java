package pelcro.exports.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.SeededExportData;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.http.SandboxServer;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintFinding;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;
import pelcro.exports.sandbox.store.Accounts;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;
import pelcro.exports.sandbox.webhooks.WebhookDispatcher;

/**
 * A running sandbox, for embedding: wires clock, accounts, data, store and operations, and
 * serves them over HTTP until closed.
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
  private final SandboxServer server;
  private PlatformOptions platform = PlatformOptions.defaults();
  private WebhookDispatcher webhooks;
  private IntegratorLint lint;

  private Sandbox(SandboxOptions options, SandboxClock clock, Accounts accounts, SandboxServer server) {
    this.options = options;
    this.clock = clock;
    this.accounts = accounts;
    this.server = server;
  }

  public static SandboxBuilder builder() {
    return new SandboxBuilder();
  }

  /**
   * Starts a sandbox with these options and the platform around the API (Try-it tenants, CORS,
   * webhooks, rate limits) on {@code baseClock}.
   */
  public static Sandbox start(SandboxOptions options, PlatformOptions platform, Clock baseClock) {
    return start(options, platform, baseClock, null);
  }

  static Sandbox start(
      SandboxOptions options, PlatformOptions platform, Clock baseClock, ExportData customData) {
    SandboxClock clock = new SandboxClock(baseClock);
    Accounts accounts =
        options.accounts() == null ? Accounts.defaults() : Accounts.load(options.accounts());
    Instant anchor = clock.instant();
    BackgroundExportData seeded =
        new BackgroundExportData(
            () -> new SeededExportData(options.seed(), options.recordsPerType(), anchor));
    ExportData data = customData != null ? customData : seeded;
    JobTiming timing =
        JobTiming.of(
            Duration.ofMillis(Math.round(options.jobSeconds() * 1000)),
            Duration.ofSeconds(options.fileTtlSeconds()));
    ExportStore store = new ExportStore();
    PlatformWiring wiring = PlatformWiring.of(platform, clock, accounts, store);
    ExportLifecycleEvents events = wiring.events();
    ListExportsOperation.Mode mode =
        options.listMode().equals("jobs")
            ? ListExportsOperation.Mode.JOBS
            : ListExportsOperation.Mode.TYPES;
    RequestExportOperation request =
        new RequestExportOperation(store, data, clock, timing, events, options.strict());
    SandboxServer.Operations ops =
        new SandboxServer.Operations(
            new ListExportsOperation(store, clock, mode, options.strict()),
            request,
            new DownloadExportOperation(store, data, clock, events),
            new ResetOperation(store, clock, wiring.lint()),
            new ClockOperation(clock),
            new CompleteExportOperation(store, clock, timing, events),
            new FailExportOperation(store, clock, events));
    SandboxServer server =
        SandboxServer.start(
            new SandboxServer.Settings(
                options.port(), options.bind(), options.admin(), options.nonEnterpriseStatus(),
                options.journalEntries(), options.maxBodyBytes()),
            accounts,
            ops,
            wiring.server());
    // Ready before the spec is parsed: the spec and the data load while the server already
    // answers, and the first request that needs them waits for them.
    if (customData == null) {
      seeded.start();
    }
    Thread warmUp = new Thread(request::warmUp, "exports-sandbox-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    Sandbox sandbox = new Sandbox(options, clock, accounts, server);
    sandbox.platform = platform;
    sandbox.webhooks = wiring.webhooks();
    sandbox.lint = wiring.lint();
    return sandbox;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://<bind>:<port>}; the control API is under {@code /__admin/sandbox}. */
  public String rootUrl() {
    String host = options.bind().equals("0.0.0.0") ? "127.0.0.1" : options.bind();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
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

  /** The platform options in force (Try-it, CORS, webhooks, rate limits). */
  public PlatformOptions platformOptions() {
    return platform;
  }

  /**
   * What the integrator lint found in the traffic so far (since the start or the last reset),
   * by account then rule; empty when every request was one a real integration may send.
   */
  public List<LintFinding> lint() {
    return lint.findings(null, null);
  }

  /** {@code <root>/docs}, the Swagger UI page of the spec. */
  public String docsUrl() {
    return rootUrl() + "/docs";
  }

  @Override
  public void close() {
    server.close();
    if (webhooks != null) {
      webhooks.close();
    }
  }
}
