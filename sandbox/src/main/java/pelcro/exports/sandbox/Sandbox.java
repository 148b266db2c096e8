package pelcro.exports.sandbox;

import java.nio.file.Path;
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

  private Sandbox(SandboxOptions options, SandboxClock clock, Accounts accounts, SandboxServer server) {
    this.options = options;
    this.clock = clock;
    this.accounts = accounts;
    this.server = server;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a sandbox with these options and the platform around the API (Try-it tenants, CORS,
   * webhooks, rate limits) on {@code baseClock}.
   */
  public static Sandbox start(SandboxOptions options, PlatformOptions platform, Clock baseClock) {
    return start(options, platform, baseClock, null);
  }

  private static Sandbox start(
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
    RequestExportOperation request = new RequestExportOperation(store, data, clock, timing, events);
    SandboxServer.Operations ops =
        new SandboxServer.Operations(
            new ListExportsOperation(store, clock, mode),
            request,
            new DownloadExportOperation(store, data, clock, events),
            new ResetOperation(store, clock),
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

  /** Options for {@link #start}, defaulting to {@link SandboxOptions#defaults()}; checked at start. */
  public static final class Builder {
    private final SandboxOptions d = SandboxOptions.defaults();
    private int port = d.port();
    private String bind = d.bind();
    private double jobSeconds = d.jobSeconds();
    private boolean admin = d.admin();
    private int nonEnterpriseStatus = d.nonEnterpriseStatus();
    private String listMode = d.listMode();
    private Path accounts = d.accounts();
    private long seed = d.seed();
    private int recordsPerType = d.recordsPerType();
    private int journalEntries = d.journalEntries();
    private long fileTtlSeconds = d.fileTtlSeconds();
    private int maxBodyBytes = d.maxBodyBytes();
    private PlatformOptions p = PlatformOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private ExportData data;

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder bind(String value) {
      bind = value;
      return this;
    }

    public Builder jobSeconds(double value) {
      jobSeconds = value;
      return this;
    }

    public Builder admin(boolean value) {
      admin = value;
      return this;
    }

    public Builder nonEnterpriseStatus(int value) {
      nonEnterpriseStatus = value;
      return this;
    }

    public Builder listMode(String value) {
      listMode = value;
      return this;
    }

    public Builder accounts(Path file) {
      accounts = file;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder recordsPerType(int value) {
      recordsPerType = value;
      return this;
    }

    /** Requests kept in WireMock's journal; 0 turns the journal off. */
    public Builder journalEntries(int value) {
      journalEntries = value;
      return this;
    }

    public Builder fileTtlSeconds(long value) {
      fileTtlSeconds = value;
      return this;
    }

    /** The base clock; the sandbox adds its advanceable offset on top. */
    public Builder clock(Clock base) {
      clock = base;
      return this;
    }

    /** Requests per minute per account without {@code api_core_rate_limit}; 0 turns limiting off. */
    public Builder rateLimit(int perMinute) {
      p = p.withRateLimit(perMinute);
      return this;
    }

    /** Turns Try-it tenants on or off ({@code sk_try_*} keys), with the default idle time and cap. */
    public Builder tryIt(boolean on) {
      p = p.withTryIt(on, p.tryItIdleMinutes(), p.tryItMaxTenants());
      return this;
    }

    /** Minutes of the sandbox clock after which an unused Try-it tenant expires. */
    public Builder tryItIdleMinutes(int minutes) {
      p = p.withTryIt(p.tryIt(), minutes, p.tryItMaxTenants());
      return this;
    }

    /** Live Try-it tenants at most. */
    public Builder tryItMaxTenants(int max) {
      p = p.withTryIt(p.tryIt(), p.tryItIdleMinutes(), max);
      return this;
    }

    /** Origins whose pages may read the API's answers (exact {@code scheme://host[:port]}). */
    public Builder corsOrigins(java.util.List<String> origins) {
      p = p.withCorsOrigins(origins);
      return this;
    }

    /** Delivers export events to {@code url}, signed with {@code secret}. */
    public Builder webhook(java.net.URI url, String secret) {
      p = p.withWebhook(url, secret, p.webhookMaxAttempts());
      return this;
    }

    /** Attempts per webhook delivery, the first included. */
    public Builder webhookMaxAttempts(int attempts) {
      p = p.withWebhook(p.webhookUrl(), p.webhookSecret(), attempts);
      return this;
    }

    /** All platform options at once (the CLI's path). */
    public Builder platform(PlatformOptions platform) {
      p = platform;
      return this;
    }

    /** Replaces the seeded data (tests that need specific records, e.g. none at all). */
    public Builder data(ExportData exportData) {
      data = exportData;
      return this;
    }

    public SandboxOptions options() {
      return new SandboxOptions(port, bind, jobSeconds, admin, nonEnterpriseStatus, listMode,
          accounts, seed, recordsPerType, journalEntries, fileTtlSeconds, maxBodyBytes);
    }

    public Sandbox start() {
      return Sandbox.start(options(), p, clock, data);
    }
  }
}
