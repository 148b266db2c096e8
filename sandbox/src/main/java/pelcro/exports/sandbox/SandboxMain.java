package pelcro.exports.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.health.SandboxVersion;

/**
 * The command line of {@code exports-sandbox.jar}: parses the options, starts the sandbox and
 * prints where it listens, the keys and the options in force.
 */
@Command(
    name = "exports-sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxMain.Version.class,
    sortOptions = false,
    description = "An offline emulator of Pelcro's Core API Exports, under /api/v1/core.")
public final class SandboxMain implements Callable<Integer> {
  @Option(names = "--port", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port = SandboxOptions.DEFAULT_PORT;

  @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = SandboxOptions.DEFAULT_BIND;

  @Option(names = "--job-seconds", description = "Seconds from request to finished export (default: ${DEFAULT-VALUE}).")
  double jobSeconds = SandboxOptions.DEFAULT_JOB_SECONDS;

  @Option(names = "--accounts", paramLabel = "FILE", description = "JSON file of accounts, keys, sites (default: built-in accounts).")
  Path accounts;

  @Option(names = "--no-admin", description = "Close /__admin, including the control API (for public use).")
  boolean noAdmin;

  @Option(names = "--non-enterprise-status", description = "Status for non-Enterprise keys: 401 (spec) or 403 (default: ${DEFAULT-VALUE}).")
  int nonEnterpriseStatus = 401;

  @Option(names = "--list-mode", description = "What GET /exports lists: types (spec) or jobs (default: ${DEFAULT-VALUE}).")
  String listMode = "types";

  @Option(names = "--seed", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
  long seed = SandboxOptions.DEFAULT_SEED;

  @Option(names = "--records-per-type", description = "Records of each type per site (default: ${DEFAULT-VALUE}).")
  int recordsPerType = SandboxOptions.DEFAULT_RECORDS_PER_TYPE;

  @Option(names = "--max-journal-entries", description = "Requests kept in WireMock's request journal (default: ${DEFAULT-VALUE}).")
  int journalEntries = SandboxOptions.DEFAULT_JOURNAL_ENTRIES;

  @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Require 'Authorization: Bearer TOKEN' on every /__admin call (default: none).")
  String adminToken;

  @Option(names = "--body-timeout-seconds", description = "Seconds a client may take to send a request body (default: ${DEFAULT-VALUE}).")
  double bodyTimeoutSeconds = SandboxOptions.DEFAULT_BODY_TIMEOUT_SECONDS;

  @Option(names = "--min-download-rate", paramLabel = "BYTES_PER_SECOND", description = "Cut downloads read slower than this on average; 0 never (default: ${DEFAULT-VALUE}).")
  long minDownloadRate = SandboxOptions.DEFAULT_MIN_DOWNLOAD_BYTES_PER_SECOND;

  @Option(names = "--max-downloads", description = "Downloads written at once, at most (default: ${DEFAULT-VALUE}).")
  int maxDownloads = SandboxOptions.DEFAULT_MAX_DOWNLOADS;

  @Option(names = "--max-downloads-per-client", description = "Downloads written at once to one client address, at most (default: ${DEFAULT-VALUE}).")
  int maxDownloadsPerClient = SandboxOptions.DEFAULT_MAX_DOWNLOADS_PER_CLIENT;

  @Option(names = "--no-test-helpers", description = "Close the test helpers under /__sandbox (clock, complete, fail, reset with the caller's own key).")
  boolean noTestHelpers;

  @Option(names = "--state", paramLabel = "memory|redis://HOST:PORT[/DB]", description = "Where jobs, clocks, runtime accounts, rate windows and deliveries are kept; nodes on one Redis share them (default: ${DEFAULT-VALUE}).")
  String state = "memory";

  @Option(names = "--faults", paramLabel = "FILE", description = "A fault schedule to load at start, {\"faults\": [...]} (README, Rehearsing failures).")
  Path faults;

  @Option(names = {"-v", "--verbose"}, description = "Print one line per request, export change, download, webhook attempt and rate-limit refusal (keys masked).")
  boolean verbose;

  @Option(names = "--no-request-journal", description = "Keep no request journal at all.")
  boolean noJournal;

  @Option(names = "--file-ttl-seconds", description = "Seconds a finished file waits for its download before it expires (default: ${DEFAULT-VALUE}).")
  long fileTtlSeconds = SandboxOptions.DEFAULT_FILE_TTL_SECONDS;

  @Option(names = "--strict", description = "Refuse (400) what the spec refuses: fields a type does not take, numeric strings for integers, page/limit out of bounds. Default: accept them as the vendor's framework does and report them in the lint.")
  boolean strict;

  @Option(names = "--prepare-files-mb", description = "Disk space (MiB, in the temp folder) for export files printed while their job runs, so that a download hands out a finished file; 0 prints each file as it is downloaded (default: ${DEFAULT-VALUE}).")
  long prepareFilesMb = SandboxOptions.DEFAULT_PREPARE_FILES_MB;

  @Option(names = "--root-dir", paramLabel = "DIR", description = "A WireMock root folder: the stubs in DIR/mappings/*.json (bodies in DIR/__files) answer every path the sandbox does not own (default: none).")
  Path rootDir;

  @Option(names = "--try-it", description = "Give every sk_try_<anything> key its own fresh Enterprise account (sites 1001, 1002).")
  boolean tryIt;

  @Option(names = "--try-it-idle-minutes", description = "Minutes of the sandbox clock after which an unused Try-it tenant expires (default: ${DEFAULT-VALUE}).")
  int tryItIdleMinutes = PlatformOptions.DEFAULT_IDLE_MINUTES;

  @Option(names = "--try-it-max-tenants", description = "Live Try-it tenants at most; the least recently used is evicted (default: ${DEFAULT-VALUE}).")
  int tryItMaxTenants = PlatformOptions.DEFAULT_MAX_TENANTS;

  @Option(names = "--try-it-new-per-minute", description = "New Try-it tenants per minute per client address; more answer 429 (default: ${DEFAULT-VALUE}).")
  int tryItNewPerClient = PlatformOptions.DEFAULT_TRY_IT_NEW_PER_CLIENT;

  @Option(names = "--try-it-new-total-per-minute", description = "New Try-it tenants per minute in total; more answer 429 (default: ${DEFAULT-VALUE}).")
  int tryItNewInTotal = PlatformOptions.DEFAULT_TRY_IT_NEW_IN_TOTAL;

  @Option(names = "--cors-origins", split = ",", paramLabel = "ORIGIN", description = "Origins whose pages may call the API, comma-separated, e.g. https://docs.example.com (default: none).")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--trusted-proxies", split = ",", paramLabel = "IP", description = "Addresses of proxies (e.g. the nginx in front of the nodes) whose X-Forwarded-For names the client, comma-separated; from anyone else that header is ignored (default: none).")
  List<String> trustedProxies = new ArrayList<>();

  @Option(names = "--webhook-url", paramLabel = "URL", description = "POST the export events there (needs --webhook-secret).")
  URI webhookUrl;

  @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "Key of the X-Pelcro-Hmac-SHA256 signature of each delivery.")
  String webhookSecret;

  @Option(names = "--webhook-max-attempts", description = "Attempts per delivery, the first included; retries back off 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE}).")
  int webhookMaxAttempts = PlatformOptions.DEFAULT_WEBHOOK_ATTEMPTS;

  @Option(names = "--rate-limit", description = "Requests per minute per account without api_core_rate_limit; 0 turns limiting off (default: ${DEFAULT-VALUE}).")
  int rateLimit = PlatformOptions.DEFAULT_RATE_LIMIT;

  /** {@code --version}: the version the build wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"exports-sandbox " + SandboxVersion.get()};
    }
  }

  public static void main(String[] args) {
    quietLibraryLogs();
    System.exit(new CommandLine(new SandboxMain()).execute(args));
  }

  /**
   * Jetty and WireMock announce every context they start at INFO; the banner says what matters.
   * Warnings still show. A user's own {@code -D} settings win.
   */
  private static void quietLibraryLogs() {
    for (String logger : List.of("org.eclipse.jetty", "wiremock", "WireMock",
        "com.github.tomakehurst.wiremock")) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
    // Jetty flags WireMock's own use of a deprecated filter at every start: not the user's concern.
    System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty.util.DeprecationWarning",
        System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty.util.DeprecationWarning", "off"));
  }

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    Sandbox sandbox;
    SandboxOptions options = null;
    try {
      options =
          new SandboxOptions(
              port, bind, jobSeconds, !noAdmin, nonEnterpriseStatus, listMode, accounts, seed,
              recordsPerType, noJournal ? 0 : journalEntries, fileTtlSeconds,
              SandboxOptions.DEFAULT_MAX_BODY_BYTES, adminToken, bodyTimeoutSeconds,
              minDownloadRate, maxDownloads, maxDownloadsPerClient, !noTestHelpers, state,
              verbose, faults, strict, prepareFilesMb, rootDir);
      PlatformOptions platform =
          new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, webhookUrl,
              webhookSecret, webhookMaxAttempts, rateLimit, tryItNewPerClient, tryItNewInTotal,
              trustedProxies);
      // The banner comes before /health's 200: see Sandbox.start's announce.
      sandbox = Sandbox.start(options, platform, Clock.systemUTC(),
          ready -> banner(System.out, ready, (System.nanoTime() - started) / 1_000_000));
    } catch (RuntimeException e) {
      // A wrong option, an unreadable accounts file or a busy port: say so, no stack trace.
      System.err.println("exports-sandbox: " + (options == null ? e.getMessage()
          : StartProblem.explain(e, options)));
      return 2;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    sandbox.awaitClosed(); // Ctrl-C, SIGTERM or POST /__admin/shutdown
    return 0;
  }

  private static void banner(PrintStream out, Sandbox sandbox, long millis) {
    out.printf("Exports sandbox listening on %s (ready in %d ms)%n", sandbox.baseUrl(), millis);
    if (sandbox.options().admin()) {
      out.printf("Control API: %s (reset, clock, exports/{uuid}/complete|fail, lint)%n",
          sandbox.controlUrl());
    } else {
      out.println("Control API and /__admin: off (--no-admin)");
    }
    // The built-in keys are public (README); keys from an --accounts file are secrets.
    boolean builtIn = sandbox.options().accounts() == null;
    out.println(builtIn ? "Keys:" : "Keys (masked; they are in your --accounts file):");
    for (Account a : sandbox.accounts()) {
      out.printf("  Bearer %-24s account %d, %s, sites %s%n",
          builtIn ? a.key() : KeyMask.key(a.key()), a.id(),
          a.enterprise() ? "Enterprise" : "not Enterprise", a.sites());
    }
    out.printf("Docs (Swagger UI): %s%n", sandbox.docsUrl());
    if (sandbox.options().rootDir() != null) {
      out.printf("Stubs: %s (mappings/*.json, __files/) answer every other path%n",
          sandbox.options().rootDir());
      sandbox.shadowingStubs().forEach(warning -> out.println("  Warning: " + warning));
    }
    out.println("Options:");
    sandbox.options().describe().forEach((k, v) -> out.printf("  %-24s %s%n", k, v));
    PlatformOptions p = sandbox.platformOptions();
    out.printf("  %-24s %s%n", "--try-it", p.tryIt()
        ? "on (idle " + p.tryItIdleMinutes() + " min, at most " + p.tryItMaxTenants() + " tenants)" : "off");
    out.printf("  %-24s %s%n", "--cors-origins", p.corsOrigins().isEmpty() ? "(none)" : p.corsOrigins());
    out.printf("  %-24s %s%n", "--trusted-proxies", p.trustedProxies().isEmpty() ? "(none)" : p.trustedProxies());
    out.printf("  %-24s %s%n", "--webhook-url",
        p.webhookUrl() == null ? "(none)" : KeyMask.urlPassword(p.webhookUrl().toString()));
    out.printf("  %-24s %s%n", "--rate-limit", p.rateLimit() == 0 ? "0 (off)" : p.rateLimit() + "/min");
    out.flush();
  }
}
