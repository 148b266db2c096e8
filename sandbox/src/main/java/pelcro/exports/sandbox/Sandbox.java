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

  private Sandbox(SandboxOptions options, SandboxClock clock, Accounts accounts, SandboxServer server) {
    this.options = options;
    this.clock = clock;
    this.accounts = accounts;
    this.server = server;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts a sandbox with these options on {@code baseClock} (advanced by the control API). */
  public static Sandbox start(SandboxOptions options, Clock baseClock) {
    return start(options, baseClock, null);
  }

  private static Sandbox start(SandboxOptions options, Clock baseClock, ExportData customData) {
    SandboxClock clock = new SandboxClock(baseClock);
    Accounts accounts =
        options.accounts() == null ? Accounts.defaults() : Accounts.load(options.accounts());
    Instant anchor = clock.instant();
    ExportData data =
        customData != null
            ? customData
            : new BackgroundExportData(
            () -> new SeededExportData(options.seed(), options.recordsPerType(), anchor));
    JobTiming timing =
        JobTiming.of(
            Duration.ofMillis(Math.round(options.jobSeconds() * 1000)),
            Duration.ofSeconds(options.fileTtlSeconds()));
    ExportStore store = new ExportStore();
    ListExportsOperation.Mode mode =
        options.listMode().equals("jobs")
            ? ListExportsOperation.Mode.JOBS
            : ListExportsOperation.Mode.TYPES;
    RequestExportOperation request = new RequestExportOperation(store, data, clock, timing);
    SandboxServer.Operations ops =
        new SandboxServer.Operations(
            new ListExportsOperation(store, clock, mode),
            request,
            new DownloadExportOperation(store, data, clock),
            new ResetOperation(store, clock),
            new ClockOperation(clock),
            new CompleteExportOperation(store, clock, timing),
            new FailExportOperation(store, clock));
    SandboxServer server =
        SandboxServer.start(
            new SandboxServer.Settings(
                options.port(), options.bind(), options.admin(), options.nonEnterpriseStatus(),
                options.journalEntries(), options.maxBodyBytes()),
            accounts,
            ops);
    // Ready before the spec is parsed: the spec and the data load while the server already
    // answers, and the first request that needs them waits for them.
    Thread warmUp = new Thread(request::warmUp, "exports-sandbox-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
    return new Sandbox(options, clock, accounts, server);
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

  @Override
  public void close() {
    server.close();
  }

  /** Options for {@link #start}, defaulting to {@link SandboxOptions#defaults()}. */
  public static final class Builder {
    private SandboxOptions o = SandboxOptions.defaults();
    private Clock clock = Clock.systemUTC();
    private ExportData data;

    public Builder port(int port) {
      o = new SandboxOptions(port, o.bind(), o.jobSeconds(), o.admin(), o.nonEnterpriseStatus(),
          o.listMode(), o.accounts(), o.seed(), o.recordsPerType(), o.journalEntries(),
          o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder bind(String bind) {
      o = new SandboxOptions(o.port(), bind, o.jobSeconds(), o.admin(), o.nonEnterpriseStatus(),
          o.listMode(), o.accounts(), o.seed(), o.recordsPerType(), o.journalEntries(),
          o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder jobSeconds(double seconds) {
      o = new SandboxOptions(o.port(), o.bind(), seconds, o.admin(), o.nonEnterpriseStatus(),
          o.listMode(), o.accounts(), o.seed(), o.recordsPerType(), o.journalEntries(),
          o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder admin(boolean admin) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), admin, o.nonEnterpriseStatus(),
          o.listMode(), o.accounts(), o.seed(), o.recordsPerType(), o.journalEntries(),
          o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder nonEnterpriseStatus(int status) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(), status,
          o.listMode(), o.accounts(), o.seed(), o.recordsPerType(), o.journalEntries(),
          o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder listMode(String mode) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), mode, o.accounts(), o.seed(), o.recordsPerType(),
          o.journalEntries(), o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder accounts(Path file) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), o.listMode(), file, o.seed(), o.recordsPerType(),
          o.journalEntries(), o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder seed(long seed) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), o.listMode(), o.accounts(), seed, o.recordsPerType(),
          o.journalEntries(), o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder recordsPerType(int records) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), o.listMode(), o.accounts(), o.seed(), records,
          o.journalEntries(), o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    /** Requests kept in WireMock's journal; 0 turns the journal off. */
    public Builder journalEntries(int entries) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), o.listMode(), o.accounts(), o.seed(), o.recordsPerType(),
          entries, o.fileTtlSeconds(), o.maxBodyBytes());
      return this;
    }

    public Builder fileTtlSeconds(long seconds) {
      o = new SandboxOptions(o.port(), o.bind(), o.jobSeconds(), o.admin(),
          o.nonEnterpriseStatus(), o.listMode(), o.accounts(), o.seed(), o.recordsPerType(),
          o.journalEntries(), seconds, o.maxBodyBytes());
      return this;
    }

    /** All options at once (the CLI's path). */
    public Builder options(SandboxOptions options) {
      o = options;
      return this;
    }

    /** The base clock; the sandbox adds its advanceable offset on top. */
    public Builder clock(Clock base) {
      clock = base;
      return this;
    }

    /** Replaces the seeded data (tests that need specific records, e.g. none at all). */
    public Builder data(ExportData exportData) {
      data = exportData;
      return this;
    }

    public Sandbox start() {
      return Sandbox.start(o, clock, data);
    }
  }
}
