package pelcro.exports.sandbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.options.CommandLineOptions;
import pelcro.exports.sandbox.options.Option;

/**
 * The sandbox's configuration, immutable: every option declared once here (name, default,
 * description, check), with the values in force. The command line, {@link SandboxBuilder}, the
 * JUnit annotation and the Testcontainers module take their options from {@link #ALL}.
 */
public final class SandboxOptions {
  private static final String COUNTS = "counts and sizes must not be negative";
  private static final String BODY_AND_RATE =
      "body-timeout-seconds must be in (0, 3600] and min-download-rate must not be negative";
  private static final String DOWNLOADS =
      "max-downloads and max-downloads-per-client must be positive";
  private static final String TRY_IT_AND_ATTEMPTS =
      "try-it-idle-minutes, try-it-max-tenants,"
          + " try-it-new-per-minute, try-it-new-total-per-minute and webhook-max-attempts must be"
          + " positive";

  public static final Option<Integer> PORT =
      Option.of(
              "port",
              Integer.class,
              8080,
              "0",
              "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 0 && v <= 65535, "port must be 0..65535");
  public static final Option<String> BIND =
      Option.of(
          "bind",
          String.class,
          "127.0.0.1",
          "0.0.0.0",
          "Address to listen on (default: ${DEFAULT-VALUE}).");
  public static final Option<Double> JOB_SECONDS =
      Option.of(
              "job-seconds",
              Double.class,
              3.0,
              "0.5",
              "Seconds from request to finished export (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 0 && v <= 30L * 24 * 3600, "job-seconds must be between 0 and 30 days");
  public static final Option<Path> ACCOUNTS =
      Option.<Path>of(
              "accounts",
              Path.class,
              null,
              "accounts.json",
              "JSON file of accounts, keys, sites (default: built-in accounts).")
          .label("FILE");
  public static final Option<Boolean> NO_ADMIN =
      Option.flag("no-admin", "Close /__admin, including the control API (for public use).");
  public static final Option<Integer> NON_ENTERPRISE_STATUS =
      Option.of(
              "non-enterprise-status",
              Integer.class,
              401,
              "403",
              "Status for non-Enterprise keys: 401 (spec) or 403 (default: ${DEFAULT-VALUE}).")
          .check(v -> v == 401 || v == 403, "non-enterprise-status must be 401 or 403");
  public static final Option<String> LIST_MODE =
      Option.of(
              "list-mode",
              String.class,
              "types",
              "jobs",
              "What GET /exports lists: types (spec) or jobs (default: ${DEFAULT-VALUE}).")
          .check(v -> v.equals("types") || v.equals("jobs"), "list-mode must be types or jobs");
  public static final Option<Long> SEED =
      Option.of(
          "seed", Long.class, 42L, "7", "Seed of the synthetic data (default: ${DEFAULT-VALUE}).");
  public static final Option<Integer> RECORDS_PER_TYPE =
      Option.of(
              "records-per-type",
              Integer.class,
              2000,
              "10",
              "Records of each type per site (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 0, COUNTS);
  public static final Option<Integer> MAX_JOURNAL_ENTRIES =
      Option.of(
              "max-journal-entries",
              Integer.class,
              100,
              "5",
              "Requests kept in WireMock's request journal (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 0, COUNTS);
  public static final Option<String> ADMIN_TOKEN =
      Option.<String>of(
              "admin-token",
              String.class,
              null,
              "s3cret",
              "Require 'Authorization: Bearer TOKEN' on every /__admin call (default: none).")
          .label("TOKEN")
          .check(v -> v == null || !v.isBlank(), "admin-token must not be blank");
  public static final Option<Double> BODY_TIMEOUT_SECONDS =
      Option.of(
              "body-timeout-seconds",
              Double.class,
              10.0,
              "2.5",
              "Seconds a client may take to send a request body (default: ${DEFAULT-VALUE}).")
          .check(v -> v > 0 && v <= 3600, BODY_AND_RATE);
  public static final Option<Long> MIN_DOWNLOAD_RATE =
      Option.of(
              "min-download-rate",
              Long.class,
              4096L,
              "0",
              "Cut downloads read slower than this on average; 0 never (default: ${DEFAULT-VALUE}).")
          .label("BYTES_PER_SECOND")
          .check(v -> v >= 0, BODY_AND_RATE);
  public static final Option<Integer> MAX_DOWNLOADS =
      Option.of(
              "max-downloads",
              Integer.class,
              48,
              "4",
              "Downloads written at once, at most (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, DOWNLOADS);
  public static final Option<Integer> MAX_DOWNLOADS_PER_CLIENT =
      Option.of(
              "max-downloads-per-client",
              Integer.class,
              8,
              "2",
              "Downloads written at once to one client address, at most (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, DOWNLOADS);
  public static final Option<Boolean> NO_TEST_HELPERS =
      Option.flag(
          "no-test-helpers",
          "Close the test helpers under /__sandbox (clock, complete, fail, reset with the caller's own"
              + " key).");
  public static final Option<String> STATE =
      Option.of(
              "state",
              String.class,
              "memory",
              "redis://127.0.0.1:6379/2",
              "Where jobs, clocks, runtime accounts, rate windows and"
                  + " deliveries are kept; nodes on one Redis share them (default: ${DEFAULT-VALUE}).")
          .label("memory|redis[s]://HOST:PORT[/DB]|redis-sentinel://…#MASTER|redis-cluster://…")
          .check(
              v ->
                  v.equals("memory")
                      || Stream.of(
                              "redis://",
                              "rediss://",
                              "redis-sentinel://",
                              "rediss-sentinel://",
                              "redis-cluster://")
                          .anyMatch(v::startsWith),
              "state must be memory, redis://HOST:PORT[/DB] (rediss:// for TLS),"
                  + " redis-sentinel://HOST:PORT[,HOST:PORT...][/DB]#MASTER"
                  + " or redis-cluster://HOST:PORT[,HOST:PORT...]");
  public static final Option<Path> STATE_CA =
      Option.<Path>of(
              "state-ca",
              Path.class,
              null,
              "redis-ca.pem",
              "PEM certificate(s) that a rediss:// Redis' certificate must chain to"
                  + " (default: the JVM's trust store).")
          .label("FILE");
  public static final Option<Integer> STATE_WAIT_REPLICAS =
      Option.of(
              "state-wait-replicas",
              Integer.class,
              0,
              "1",
              "Acknowledge a write only once this many Redis replicas have it (WAIT), so that a"
                  + " failover loses none; 0 does not wait (default: ${DEFAULT-VALUE}).")
          .label("N")
          .check(v -> v >= 0, "state-wait-replicas must be 0 (do not wait) or more");
  public static final Option<Path> FAULTS =
      Option.<Path>of(
              "faults",
              Path.class,
              null,
              "faults.json",
              "A fault schedule to load at start, {\"faults\": [...]}"
                  + " (docs/reference-faults.md).")
          .label("FILE");
  public static final Option<Boolean> VERBOSE =
      Option.flag(
              "verbose",
              "Print one line per request, export change, download, webhook attempt and rate-limit"
                  + " refusal (keys masked).")
          .alias("-v");
  public static final Option<Boolean> NO_REQUEST_JOURNAL =
      Option.flag("no-request-journal", "Keep no request journal at all.");
  public static final Option<Long> FILE_TTL_SECONDS =
      Option.of(
              "file-ttl-seconds",
              Long.class,
              7L * 24 * 3600,
              "60",
              "Seconds a finished file waits for its download before it expires"
                  + " (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, COUNTS);
  public static final Option<Boolean> STRICT =
      Option.flag(
          "strict",
          "Refuse (400) what the spec refuses: fields a type does not take, numeric strings for"
              + " integers, page/limit out of bounds. Default: accept them as the vendor's framework"
              + " does and report them in the lint.");
  public static final Option<Long> PREPARE_FILES_MB =
      Option.of(
              "prepare-files-mb",
              Long.class,
              1024L,
              "0",
              "Disk space (MiB, in the temp folder) for export files printed while their"
                  + " job runs, so that a download hands out a finished file; 0 prints each file as it is"
                  + " downloaded (default: ${DEFAULT-VALUE}).")
          .check(
              v -> v >= 0 && v <= 1024L * 1024,
              "prepare-files-mb must be between 0 and 1048576 (1 TiB)");
  public static final Option<Path> ROOT_DIR =
      Option.<Path>of(
              "root-dir",
              Path.class,
              null,
              ".",
              "A WireMock root folder: the stubs in DIR/mappings/*.json (bodies in DIR/__files) answer"
                  + " every path the sandbox does not own (default: none).")
          .label("DIR")
          .checkedBy(SandboxOptions::notAFolder);

  /** A body of at most 1 MiB takes well under a second on any real link. */
  public static final Option<Integer> MAX_BODY_BYTES =
      Option.of(
              "max-body-bytes",
              Integer.class,
              1024 * 1024,
              "2048",
              "Largest request body accepted, in bytes; larger ones answer 413"
                  + " (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, COUNTS);

  public static final Option<Boolean> TRY_IT =
      Option.flag(
          "try-it",
          "Give every sk_try_<anything> key its own fresh Enterprise account (sites 1001, 1002).");
  public static final Option<Integer> TRY_IT_IDLE_MINUTES =
      Option.of(
              "try-it-idle-minutes",
              Integer.class,
              30,
              "10",
              "Minutes of the sandbox clock after which an unused Try-it"
                  + " tenant expires (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, TRY_IT_AND_ATTEMPTS);
  public static final Option<Integer> TRY_IT_MAX_TENANTS =
      Option.of(
              "try-it-max-tenants",
              Integer.class,
              1000,
              "50",
              "Live Try-it tenants at most; the least recently used is"
                  + " evicted (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, TRY_IT_AND_ATTEMPTS);

  /** A visitor needs one key; ten a minute leaves room for a classroom behind one address. */
  public static final Option<Integer> TRY_IT_NEW_PER_MINUTE =
      Option.of(
              "try-it-new-per-minute",
              Integer.class,
              10,
              "3",
              "New Try-it tenants per minute per client address; more answer"
                  + " 429 (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, TRY_IT_AND_ATTEMPTS);

  /** At this pace a full house of 1000 tenants takes over 8 minutes to turn over. */
  public static final Option<Integer> TRY_IT_NEW_TOTAL_PER_MINUTE =
      Option.of(
              "try-it-new-total-per-minute",
              Integer.class,
              120,
              "30",
              "New Try-it tenants per"
                  + " minute in total; more answer 429 (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, TRY_IT_AND_ATTEMPTS);

  public static final Option<List<String>> CORS_ORIGINS =
      Option.<List<String>>of(
              "cors-origins",
              List.class,
              List.of(),
              "https://docs.example.com",
              "Origins whose pages may call the API, comma-separated, e.g. https://docs.example.com"
                  + " (default: none).")
          .label("ORIGIN");
  public static final Option<List<String>> TRUSTED_PROXIES =
      Option.<List<String>>of(
              "trusted-proxies",
              List.class,
              List.of(),
              "127.0.0.1",
              "Addresses of proxies (e.g. the"
                  + " nginx in front of the nodes) whose X-Forwarded-For names the client,"
                  + " comma-separated; from anyone else that header is ignored (default: none).")
          .label("IP")
          .checkedBy(SandboxOptions::notAnAddress);
  public static final Option<URI> WEBHOOK_URL =
      Option.<URI>of(
              "webhook-url",
              URI.class,
              null,
              "http://127.0.0.1:9000/hooks",
              "POST the export events there (needs --webhook-secret).")
          .label("URL");
  public static final Option<String> WEBHOOK_SECRET =
      Option.<String>of(
              "webhook-secret",
              String.class,
              null,
              "whsec",
              "Key of the X-Pelcro-Hmac-SHA256 signature of each delivery.")
          .label("SECRET");
  public static final Option<Integer> WEBHOOK_MAX_ATTEMPTS =
      Option.of(
              "webhook-max-attempts",
              Integer.class,
              6,
              "3",
              "Attempts per delivery, the first included; retries back off"
                  + " 1 s, 2 s, 4 s... (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 1, TRY_IT_AND_ATTEMPTS);

  /** The vendor's documented limit (rate-limits page). */
  public static final Option<Integer> RATE_LIMIT =
      Option.of(
              "rate-limit",
              Integer.class,
              120,
              "0",
              "Requests per minute per account without api_core_rate_limit; 0 turns limiting"
                  + " off (default: ${DEFAULT-VALUE}).")
          .check(v -> v >= 0, "rate-limit must be 0 (off) or positive");

  /** Every option, in the order of {@code --help}. */
  public static final List<Option<?>> ALL =
      List.of(
          PORT,
          BIND,
          JOB_SECONDS,
          ACCOUNTS,
          NO_ADMIN,
          NON_ENTERPRISE_STATUS,
          LIST_MODE,
          SEED,
          RECORDS_PER_TYPE,
          MAX_JOURNAL_ENTRIES,
          ADMIN_TOKEN,
          BODY_TIMEOUT_SECONDS,
          MIN_DOWNLOAD_RATE,
          MAX_DOWNLOADS,
          MAX_DOWNLOADS_PER_CLIENT,
          NO_TEST_HELPERS,
          STATE,
          STATE_CA,
          STATE_WAIT_REPLICAS,
          FAULTS,
          VERBOSE,
          NO_REQUEST_JOURNAL,
          FILE_TTL_SECONDS,
          STRICT,
          PREPARE_FILES_MB,
          ROOT_DIR,
          MAX_BODY_BYTES,
          TRY_IT,
          TRY_IT_IDLE_MINUTES,
          TRY_IT_MAX_TENANTS,
          TRY_IT_NEW_PER_MINUTE,
          TRY_IT_NEW_TOTAL_PER_MINUTE,
          CORS_ORIGINS,
          TRUSTED_PROXIES,
          WEBHOOK_URL,
          WEBHOOK_SECRET,
          WEBHOOK_MAX_ATTEMPTS,
          RATE_LIMIT);

  private final Map<Option<?>, Object> values;

  private SandboxOptions(Map<Option<?>, ?> given) {
    Map<Option<?>, Object> all = new LinkedHashMap<>();
    // The trusted proxies are checked first: their message names the address at fault.
    for (Option<?> option : ALL) {
      Object value = given.containsKey(option) ? given.get(option) : option.defaultValue();
      all.put(option, value instanceof List<?> list ? List.copyOf(list) : value);
    }
    TRUSTED_PROXIES.requireValid(all.get(TRUSTED_PROXIES));
    all.forEach(Option::requireValid);
    this.values = Collections.unmodifiableMap(all);
    if (webhookUrl() != null && (webhookSecret() == null || webhookSecret().isEmpty())) {
      throw new IllegalArgumentException("--webhook-url needs --webhook-secret");
    }
    if (webhookUrl() != null
        && !List.of("http", "https").contains(String.valueOf(webhookUrl().getScheme()))) {
      throw new IllegalArgumentException("--webhook-url must be an http or https URL");
    }
  }

  /** The defaults of every option. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(Map.of());
  }

  /**
   * These values, the defaults for the others; checked.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static SandboxOptions of(Map<Option<?>, ?> values) {
    return new SandboxOptions(values);
  }

  /** The options that command-line words give ({@code --job-seconds=1}, {@code --strict}). */
  public static SandboxOptions fromArgs(List<String> words) {
    return of(CommandLineOptions.parse(ALL, words));
  }

  /** The option called {@code name} ({@code job-seconds}, with or without its dashes). */
  public static Optional<Option<?>> named(String name) {
    String bare = name.startsWith("--") ? name.substring(2) : name;
    return ALL.stream().filter(o -> o.name().equals(bare)).findFirst();
  }

  /** The value of {@code option}. */
  @SuppressWarnings("unchecked")
  public <T> T get(Option<T> option) {
    return (T) values.get(option);
  }

  /** Every option's value, in the order of {@link #ALL}. */
  public Map<Option<?>, Object> values() {
    return values;
  }

  public int port() {
    return get(PORT);
  }

  public String bind() {
    return get(BIND);
  }

  /** How long an export takes from request to finished file. */
  public double jobSeconds() {
    return get(JOB_SECONDS);
  }

  /** Whether {@code /__admin} (and the control API) is open. */
  public boolean admin() {
    return !get(NO_ADMIN);
  }

  /** 401 (the endpoint pages) or 403 (the overview) for non-Enterprise keys. */
  public int nonEnterpriseStatus() {
    return get(NON_ENTERPRISE_STATUS);
  }

  /** {@code types} or {@code jobs}: what {@code GET /exports} lists. */
  public String listMode() {
    return get(LIST_MODE);
  }

  /** An accounts file, or null for the built-in accounts. */
  public Path accounts() {
    return get(ACCOUNTS);
  }

  public long seed() {
    return get(SEED);
  }

  public int recordsPerType() {
    return get(RECORDS_PER_TYPE);
  }

  /** How many requests WireMock's journal keeps; 0 turns it off. */
  public int journalEntries() {
    return get(NO_REQUEST_JOURNAL) ? 0 : get(MAX_JOURNAL_ENTRIES);
  }

  public long fileTtlSeconds() {
    return get(FILE_TTL_SECONDS);
  }

  public int maxBodyBytes() {
    return get(MAX_BODY_BYTES);
  }

  /** The bearer token every {@code /__admin} call must send; null for none. */
  public String adminToken() {
    return get(ADMIN_TOKEN);
  }

  public double bodyTimeoutSeconds() {
    return get(BODY_TIMEOUT_SECONDS);
  }

  public long minDownloadBytesPerSecond() {
    return get(MIN_DOWNLOAD_RATE);
  }

  public int maxDownloads() {
    return get(MAX_DOWNLOADS);
  }

  public int maxDownloadsPerClient() {
    return get(MAX_DOWNLOADS_PER_CLIENT);
  }

  /** Whether the test helpers under {@code /__sandbox} are open. */
  public boolean testHelpers() {
    return !get(NO_TEST_HELPERS);
  }

  /** {@code memory}, or a Redis URL ({@code redis://HOST:PORT[/DB]} and the other forms). */
  public String state() {
    return get(STATE);
  }

  /** PEM certificates a {@code rediss://} Redis' certificate must chain to, or null: the JVM's. */
  public Path stateCa() {
    return get(STATE_CA);
  }

  /** How many Redis replicas must have a write before it is acknowledged (0: none). */
  public int stateWaitReplicas() {
    return get(STATE_WAIT_REPLICAS);
  }

  public boolean verbose() {
    return get(VERBOSE);
  }

  /** A fault schedule to load at start, or null. */
  public Path faults() {
    return get(FAULTS);
  }

  public boolean strict() {
    return get(STRICT);
  }

  public long prepareFilesMb() {
    return get(PREPARE_FILES_MB);
  }

  /** A WireMock root folder whose stubs answer every path the sandbox does not own, or null. */
  public Path rootDir() {
    return get(ROOT_DIR);
  }

  /** Whether {@code sk_try_*} keys get their own tenant. */
  public boolean tryIt() {
    return get(TRY_IT);
  }

  public int tryItIdleMinutes() {
    return get(TRY_IT_IDLE_MINUTES);
  }

  public int tryItMaxTenants() {
    return get(TRY_IT_MAX_TENANTS);
  }

  public int tryItNewPerClient() {
    return get(TRY_IT_NEW_PER_MINUTE);
  }

  public int tryItNewInTotal() {
    return get(TRY_IT_NEW_TOTAL_PER_MINUTE);
  }

  public List<String> corsOrigins() {
    return get(CORS_ORIGINS);
  }

  public List<String> trustedProxies() {
    return get(TRUSTED_PROXIES);
  }

  /** Where events are POSTed, or null for no webhooks. */
  public URI webhookUrl() {
    return get(WEBHOOK_URL);
  }

  public String webhookSecret() {
    return get(WEBHOOK_SECRET);
  }

  public int webhookMaxAttempts() {
    return get(WEBHOOK_MAX_ATTEMPTS);
  }

  /** Requests per minute per account without an override; 0 turns limiting off. */
  public int rateLimit() {
    return get(RATE_LIMIT);
  }

  /** The options as printed at start, in CLI spelling, secrets masked. */
  public Map<String, Object> describe() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("--port", port());
    view.put("--bind", bind());
    view.put("--job-seconds", jobSeconds());
    view.put("--accounts", accounts() == null ? "(built-in)" : accounts());
    view.put("--no-admin", !admin());
    view.put("--non-enterprise-status", nonEnterpriseStatus());
    view.put("--list-mode", listMode());
    view.put("--seed", seed());
    view.put("--records-per-type", recordsPerType());
    view.put("--max-journal-entries", journalEntries() == 0 ? "0 (journal off)" : journalEntries());
    view.put("--file-ttl-seconds", fileTtlSeconds());
    view.put("--admin-token", adminToken() == null ? "(none)" : "(set)");
    view.put("--body-timeout-seconds", bodyTimeoutSeconds());
    view.put(
        "--min-download-rate",
        minDownloadBytesPerSecond() == 0 ? "0 (off)" : minDownloadBytesPerSecond() + " bytes/s");
    view.put("--max-downloads", maxDownloads() + " (" + maxDownloadsPerClient() + " per client)");
    view.put("--no-test-helpers", !testHelpers());
    view.put("--state", KeyMask.urlPassword(state()));
    view.put("--state-ca", stateCa() == null ? "(the JVM's trust store)" : stateCa());
    view.put("--state-wait-replicas", stateWaitReplicas());
    view.put("--verbose", verbose());
    view.put("--faults", faults() == null ? "(none)" : faults());
    view.put("--strict", strict());
    view.put(
        "--prepare-files-mb",
        prepareFilesMb() == 0 ? "0 (files printed as downloaded)" : prepareFilesMb() + " MiB");
    view.put("--root-dir", rootDir() == null ? "(none)" : rootDir());
    view.put(
        "--try-it",
        tryIt()
            ? "on (idle " + tryItIdleMinutes() + " min, at most " + tryItMaxTenants() + " tenants)"
            : "off");
    view.put("--cors-origins", corsOrigins().isEmpty() ? "(none)" : corsOrigins());
    view.put("--trusted-proxies", trustedProxies().isEmpty() ? "(none)" : trustedProxies());
    view.put(
        "--webhook-url",
        webhookUrl() == null ? "(none)" : KeyMask.urlPassword(webhookUrl().toString()));
    view.put("--rate-limit", rateLimit() == 0 ? "0 (off)" : rateLimit() + "/min");
    return view;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SandboxOptions o && o.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SandboxOptions" + describe();
  }

  private static String notAFolder(Path folder) {
    return folder == null || Files.isDirectory(folder)
        ? null
        : "root-dir " + folder + " is not a folder";
  }

  private static String notAnAddress(List<String> proxies) {
    return proxies.stream()
        .filter(p -> !p.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*"))
        .findFirst()
        .map(p -> "--trusted-proxies takes IP addresses (got " + p + ")")
        .orElse(null);
  }
}
