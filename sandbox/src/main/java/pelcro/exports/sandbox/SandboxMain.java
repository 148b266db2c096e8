package pelcro.exports.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pelcro.exports.sandbox.domain.Account;

/**
 * The command line of {@code exports-sandbox.jar}: parses the options, starts the sandbox and
 * prints where it listens, the keys and the options in force.
 */
@Command(
    name = "exports-sandbox",
    mixinStandardHelpOptions = true,
    version = "exports-sandbox 0.1.0",
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

  @Option(names = "--no-request-journal", description = "Keep no request journal at all.")
  boolean noJournal;

  @Option(names = "--file-ttl-seconds", description = "Seconds a finished file waits for its download before it expires (default: ${DEFAULT-VALUE}).")
  long fileTtlSeconds = SandboxOptions.DEFAULT_FILE_TTL_SECONDS;

  @Option(names = "--strict", description = "Refuse (400) what the spec refuses: fields a type does not take, numeric strings for integers, page/limit out of bounds. Default: accept them as the vendor's framework does and report them in the lint.")
  boolean strict;

  @Option(names = "--try-it", description = "Give every sk_try_<anything> key its own fresh Enterprise account (sites 1001, 1002).")
  boolean tryIt;

  @Option(names = "--try-it-idle-minutes", description = "Minutes of the sandbox clock after which an unused Try-it tenant expires (default: ${DEFAULT-VALUE}).")
  int tryItIdleMinutes = PlatformOptions.DEFAULT_IDLE_MINUTES;

  @Option(names = "--try-it-max-tenants", description = "Live Try-it tenants at most; the least recently used is evicted (default: ${DEFAULT-VALUE}).")
  int tryItMaxTenants = PlatformOptions.DEFAULT_MAX_TENANTS;

  @Option(names = "--cors-origins", split = ",", paramLabel = "ORIGIN", description = "Origins whose pages may call the API, comma-separated, e.g. https://docs.example.com (default: none).")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--webhook-url", paramLabel = "URL", description = "POST the export events there (needs --webhook-secret).")
  URI webhookUrl;

  @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "Key of the X-Pelcro-Hmac-SHA256 signature of each delivery.")
  String webhookSecret;

  @Option(names = "--webhook-max-attempts", description = "Attempts per delivery, the first included; retries back off 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE}).")
  int webhookMaxAttempts = PlatformOptions.DEFAULT_WEBHOOK_ATTEMPTS;

  @Option(names = "--rate-limit", description = "Requests per minute per account without api_core_rate_limit; 0 turns limiting off (default: ${DEFAULT-VALUE}).")
  int rateLimit = PlatformOptions.DEFAULT_RATE_LIMIT;

  public static void main(String[] args) {
    int code = new CommandLine(new SandboxMain()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    long started = System.nanoTime();
    Sandbox sandbox;
    try {
      SandboxOptions options =
          new SandboxOptions(
              port, bind, jobSeconds, !noAdmin, nonEnterpriseStatus, listMode, accounts, seed,
              recordsPerType, noJournal ? 0 : journalEntries, fileTtlSeconds,
              SandboxOptions.DEFAULT_MAX_BODY_BYTES, strict);
      PlatformOptions platform =
          new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, webhookUrl,
              webhookSecret, webhookMaxAttempts, rateLimit);
      sandbox = Sandbox.start(options, platform, Clock.systemUTC());
    } catch (RuntimeException e) {
      // A wrong option, an unreadable accounts file or a busy port: say so, no stack trace.
      System.err.println("exports-sandbox: " + e.getMessage()
          + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> { sandbox.close(); stopped.countDown(); }));
    banner(System.out, sandbox, (System.nanoTime() - started) / 1_000_000);
    stopped.await();
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
    out.println("Keys:");
    for (Account a : sandbox.accounts()) {
      out.printf("  Bearer %-24s account %d, %s, sites %s%n", a.key(), a.id(),
          a.enterprise() ? "Enterprise" : "not Enterprise", a.sites());
    }
    out.printf("Docs (Swagger UI): %s%n", sandbox.docsUrl());
    out.println("Options:");
    sandbox.options().describe().forEach((k, v) -> out.printf("  %-24s %s%n", k, v));
    PlatformOptions p = sandbox.platformOptions();
    out.printf("  %-24s %s%n", "--try-it", p.tryIt()
        ? "on (idle " + p.tryItIdleMinutes() + " min, at most " + p.tryItMaxTenants() + " tenants)" : "off");
    out.printf("  %-24s %s%n", "--cors-origins", p.corsOrigins().isEmpty() ? "(none)" : p.corsOrigins());
    out.printf("  %-24s %s%n", "--webhook-url", p.webhookUrl() == null ? "(none)" : p.webhookUrl());
    out.printf("  %-24s %s%n", "--rate-limit", p.rateLimit() == 0 ? "0 (off)" : p.rateLimit() + "/min");
    out.flush();
  }
}
