package pelcro.exports.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.http.SandboxHost;

/**
 * The embedding builder of {@link Sandbox}: options for {@link #start}, defaulting to
 * {@link SandboxOptions#defaults()}, checked at start.
 */
public final class SandboxBuilder {
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
  private String adminToken = d.adminToken();
  private double bodyTimeoutSeconds = d.bodyTimeoutSeconds();
  private long minDownloadBytesPerSecond = d.minDownloadBytesPerSecond();
  private int maxDownloads = d.maxDownloads();
  private int maxDownloadsPerClient = d.maxDownloadsPerClient();
  private boolean testHelpers = d.testHelpers();
  private String state = d.state();
  private boolean verbose = d.verbose();
  private Path faults = d.faults();
  private boolean strict = d.strict();
  private long prepareFilesMb = d.prepareFilesMb();
  private Path rootDir = d.rootDir();
  private PlatformOptions p = PlatformOptions.defaults();
  private Clock clock = Clock.systemUTC();
  private ExportData data;

  public SandboxBuilder port(int value) {
    port = value;
    return this;
  }

  public SandboxBuilder bind(String value) {
    bind = value;
    return this;
  }

  public SandboxBuilder jobSeconds(double value) {
    jobSeconds = value;
    return this;
  }

  public SandboxBuilder admin(boolean value) {
    admin = value;
    return this;
  }

  public SandboxBuilder nonEnterpriseStatus(int value) {
    nonEnterpriseStatus = value;
    return this;
  }

  public SandboxBuilder listMode(String value) {
    listMode = value;
    return this;
  }

  public SandboxBuilder accounts(Path file) {
    accounts = file;
    return this;
  }

  public SandboxBuilder seed(long value) {
    seed = value;
    return this;
  }

  public SandboxBuilder recordsPerType(int value) {
    recordsPerType = value;
    return this;
  }

  /** Requests kept in WireMock's journal; 0 turns the journal off. */
  public SandboxBuilder journalEntries(int value) {
    journalEntries = value;
    return this;
  }

  public SandboxBuilder fileTtlSeconds(long value) {
    fileTtlSeconds = value;
    return this;
  }

  /** The bearer token every {@code /__admin} call must send; null (the default) for none. */
  public SandboxBuilder adminToken(String token) {
    adminToken = token;
    return this;
  }

  /** How long a client may take to send a request body before it is refused. */
  public SandboxBuilder bodyTimeoutSeconds(double seconds) {
    bodyTimeoutSeconds = seconds;
    return this;
  }

  /** Downloads read slower than this on average are cut; 0 never cuts them. */
  public SandboxBuilder minDownloadBytesPerSecond(long bytesPerSecond) {
    minDownloadBytesPerSecond = bytesPerSecond;
    return this;
  }

  /** Downloads written at once, in all and to one client address. */
  public SandboxBuilder maxDownloads(int total, int perClient) {
    maxDownloads = total;
    maxDownloadsPerClient = perClient;
    return this;
  }

  /** Whether the test helpers under {@code /__sandbox} are open (default: yes). */
  public SandboxBuilder testHelpers(boolean open) {
    testHelpers = open;
    return this;
  }

  /**
   * Where the state is kept: {@code memory} (the default) or {@code redis://HOST:PORT[/DB]},
   * shared by every sandbox node on that Redis (needs {@code io.lettuce:lettuce-core}).
   */
  public SandboxBuilder state(String where) {
    state = where;
    return this;
  }

  /** A fault schedule, {@code {"faults": [...]}}, to load at start ({@code --faults}). */
  public SandboxBuilder faults(Path file) {
    faults = file;
    return this;
  }

  /** Writes every request and every change of an export to stdout ({@code --verbose}). */
  public SandboxBuilder verbose(boolean on) {
    verbose = on;
    return this;
  }

  /** New Try-it tenants per minute, per client address and in total. */
  public SandboxBuilder tryItCreationLimits(int perClient, int inTotal) {
    p = p.withTryItCreationLimits(perClient, inTotal);
    return this;
  }

  /**
   * Refuses what the spec's schemas refuse (400): fields a type does not take, numeric strings
   * for integers, {@code page}/{@code limit} out of bounds. Off by default: the sandbox then
   * reads requests as the vendor's framework does and reports such calls through its lint.
   */
  public SandboxBuilder strict(boolean value) {
    strict = value;
    return this;
  }

  /**
   * Disk space (MiB, in the temp folder) for export files printed while their job runs, so that
   * a download hands out a finished file; 0 prints each file as it is downloaded.
   */
  public SandboxBuilder prepareFilesMb(long value) {
    prepareFilesMb = value;
    return this;
  }

  /**
   * A WireMock root folder ({@code --root-dir}): the stubs of its {@code mappings/*.json} (bodies
   * in {@code __files/}) answer every path the sandbox does not own.
   */
  public SandboxBuilder rootDir(Path folder) {
    rootDir = folder;
    return this;
  }

  /** The base clock; the sandbox adds its advanceable offset on top. */
  public SandboxBuilder clock(Clock base) {
    clock = base;
    return this;
  }

  /** Requests per minute per account without {@code api_core_rate_limit}; 0 turns limiting off. */
  public SandboxBuilder rateLimit(int perMinute) {
    p = p.withRateLimit(perMinute);
    return this;
  }

  /** Turns Try-it tenants on or off ({@code sk_try_*} keys), with the default idle time and cap. */
  public SandboxBuilder tryIt(boolean on) {
    p = p.withTryIt(on, p.tryItIdleMinutes(), p.tryItMaxTenants());
    return this;
  }

  /** Minutes of the sandbox clock after which an unused Try-it tenant expires. */
  public SandboxBuilder tryItIdleMinutes(int minutes) {
    p = p.withTryIt(p.tryIt(), minutes, p.tryItMaxTenants());
    return this;
  }

  /** Live Try-it tenants at most. */
  public SandboxBuilder tryItMaxTenants(int max) {
    p = p.withTryIt(p.tryIt(), p.tryItIdleMinutes(), max);
    return this;
  }

  /** Proxies whose {@code X-Forwarded-For} names the client ({@code --trusted-proxies}). */
  public SandboxBuilder trustedProxies(java.util.List<String> addresses) {
    p = p.withTrustedProxies(addresses);
    return this;
  }

  /** Origins whose pages may read the API's answers (exact {@code scheme://host[:port]}). */
  public SandboxBuilder corsOrigins(java.util.List<String> origins) {
    p = p.withCorsOrigins(origins);
    return this;
  }

  /** Delivers export events to {@code url}, signed with {@code secret}. */
  public SandboxBuilder webhook(java.net.URI url, String secret) {
    p = p.withWebhook(url, secret, p.webhookMaxAttempts());
    return this;
  }

  /** Attempts per webhook delivery, the first included. */
  public SandboxBuilder webhookMaxAttempts(int attempts) {
    p = p.withWebhook(p.webhookUrl(), p.webhookSecret(), attempts);
    return this;
  }

  /** All platform options at once (the CLI's path). */
  public SandboxBuilder platform(PlatformOptions platform) {
    p = platform;
    return this;
  }

  /** Replaces the seeded data (tests that need specific records, e.g. none at all). */
  public SandboxBuilder data(ExportData exportData) {
    data = exportData;
    return this;
  }

  public SandboxOptions options() {
    return new SandboxOptions(port, bind, jobSeconds, admin, nonEnterpriseStatus, listMode,
        accounts, seed, recordsPerType, journalEntries, fileTtlSeconds, maxBodyBytes, adminToken,
        bodyTimeoutSeconds, minDownloadBytesPerSecond, maxDownloads, maxDownloadsPerClient,
        testHelpers, state, verbose, faults, strict, prepareFilesMb, rootDir);
  }

  public Sandbox start() {
    return Sandbox.start(options(), p, clock, data);
  }

  /**
   * Starts the sandbox without a server of its own, its routes served by {@code hosting} (the
   * WireMock extension's path: see {@code ExportsSandboxWireMockExtension}).
   */
  public Sandbox startHostedBy(SandboxHost.Factory hosting) {
    return Sandbox.start(options(), p, clock, data, sandbox -> { }, hosting);
  }
}
