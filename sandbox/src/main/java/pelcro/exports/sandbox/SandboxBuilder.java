package pelcro.exports.sandbox;

import static pelcro.exports.sandbox.SandboxOptions.ACCOUNTS;
import static pelcro.exports.sandbox.SandboxOptions.ADMIN_TOKEN;
import static pelcro.exports.sandbox.SandboxOptions.ALL;
import static pelcro.exports.sandbox.SandboxOptions.BIND;
import static pelcro.exports.sandbox.SandboxOptions.BODY_TIMEOUT_SECONDS;
import static pelcro.exports.sandbox.SandboxOptions.CORS_ORIGINS;
import static pelcro.exports.sandbox.SandboxOptions.FAULTS;
import static pelcro.exports.sandbox.SandboxOptions.FILE_TTL_SECONDS;
import static pelcro.exports.sandbox.SandboxOptions.JOB_SECONDS;
import static pelcro.exports.sandbox.SandboxOptions.LIST_MODE;
import static pelcro.exports.sandbox.SandboxOptions.MAX_DOWNLOADS;
import static pelcro.exports.sandbox.SandboxOptions.MAX_DOWNLOADS_PER_CLIENT;
import static pelcro.exports.sandbox.SandboxOptions.MAX_JOURNAL_ENTRIES;
import static pelcro.exports.sandbox.SandboxOptions.MIN_DOWNLOAD_RATE;
import static pelcro.exports.sandbox.SandboxOptions.NON_ENTERPRISE_STATUS;
import static pelcro.exports.sandbox.SandboxOptions.NO_ADMIN;
import static pelcro.exports.sandbox.SandboxOptions.NO_TEST_HELPERS;
import static pelcro.exports.sandbox.SandboxOptions.PORT;
import static pelcro.exports.sandbox.SandboxOptions.PREPARE_FILES_MB;
import static pelcro.exports.sandbox.SandboxOptions.RATE_LIMIT;
import static pelcro.exports.sandbox.SandboxOptions.RECORDS_PER_TYPE;
import static pelcro.exports.sandbox.SandboxOptions.ROOT_DIR;
import static pelcro.exports.sandbox.SandboxOptions.SEED;
import static pelcro.exports.sandbox.SandboxOptions.STATE;
import static pelcro.exports.sandbox.SandboxOptions.STRICT;
import static pelcro.exports.sandbox.SandboxOptions.TRUSTED_PROXIES;
import static pelcro.exports.sandbox.SandboxOptions.TRY_IT;
import static pelcro.exports.sandbox.SandboxOptions.TRY_IT_IDLE_MINUTES;
import static pelcro.exports.sandbox.SandboxOptions.TRY_IT_MAX_TENANTS;
import static pelcro.exports.sandbox.SandboxOptions.TRY_IT_NEW_PER_MINUTE;
import static pelcro.exports.sandbox.SandboxOptions.TRY_IT_NEW_TOTAL_PER_MINUTE;
import static pelcro.exports.sandbox.SandboxOptions.VERBOSE;
import static pelcro.exports.sandbox.SandboxOptions.WEBHOOK_MAX_ATTEMPTS;
import static pelcro.exports.sandbox.SandboxOptions.WEBHOOK_SECRET;
import static pelcro.exports.sandbox.SandboxOptions.WEBHOOK_URL;
import static pelcro.exports.sandbox.SandboxOptions.named;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.http.SandboxHost;
import pelcro.exports.sandbox.options.CommandLineOptions;
import pelcro.exports.sandbox.options.Option;

/**
 * The embedding builder of {@link Sandbox}: any option of {@link SandboxOptions} by its name
 * ({@link #option}) or as command-line words ({@link #args}), the common ones by typed setters; the
 * others keep their defaults. Checked at {@link #options()} and {@link #start()}.
 */
public final class SandboxBuilder {
  private final Map<Option<?>, Object> values = new LinkedHashMap<>();
  private Clock clock = Clock.systemUTC();
  private ExportData data;

  /** Sets {@code option} to {@code value}. */
  public <T> SandboxBuilder set(Option<T> option, T value) {
    values.put(option, value);
    return this;
  }

  /**
   * Sets the option called {@code name} ({@code job-seconds}) to {@code value} as written on the
   * command line ({@code "1.5"}; a flag takes {@code "true"} or {@code "false"}).
   */
  public SandboxBuilder option(String name, String value) {
    Option<?> option =
        named(name)
            .orElseThrow(() -> new IllegalArgumentException("Unknown option: '--" + name + "'"));
    if (option.isFlag()) {
      values.put(option, Boolean.parseBoolean(value));
      return this;
    }
    return args(option.words(value).toArray(String[]::new));
  }

  /** Options as command-line words: {@code args("--job-seconds=1", "--strict")}. */
  public SandboxBuilder args(String... words) {
    values.putAll(CommandLineOptions.parse(ALL, Arrays.asList(words)));
    return this;
  }

  /** Every option of {@code options} at once. */
  public SandboxBuilder options(SandboxOptions options) {
    values.putAll(options.values());
    return this;
  }

  public SandboxBuilder port(int value) {
    return set(PORT, value);
  }

  public SandboxBuilder bind(String value) {
    return set(BIND, value);
  }

  public SandboxBuilder jobSeconds(double value) {
    return set(JOB_SECONDS, value);
  }

  public SandboxBuilder admin(boolean value) {
    return set(NO_ADMIN, !value);
  }

  public SandboxBuilder nonEnterpriseStatus(int value) {
    return set(NON_ENTERPRISE_STATUS, value);
  }

  public SandboxBuilder listMode(String value) {
    return set(LIST_MODE, value);
  }

  public SandboxBuilder accounts(Path file) {
    return set(ACCOUNTS, file);
  }

  public SandboxBuilder seed(long value) {
    return set(SEED, value);
  }

  public SandboxBuilder recordsPerType(int value) {
    return set(RECORDS_PER_TYPE, value);
  }

  /** Requests kept in WireMock's journal; 0 turns the journal off. */
  public SandboxBuilder journalEntries(int value) {
    return set(MAX_JOURNAL_ENTRIES, value);
  }

  public SandboxBuilder fileTtlSeconds(long value) {
    return set(FILE_TTL_SECONDS, value);
  }

  /** The bearer token every {@code /__admin} call must send; null (the default) for none. */
  public SandboxBuilder adminToken(String token) {
    return set(ADMIN_TOKEN, token);
  }

  /** How long a client may take to send a request body before it is refused. */
  public SandboxBuilder bodyTimeoutSeconds(double seconds) {
    return set(BODY_TIMEOUT_SECONDS, seconds);
  }

  /** Downloads read slower than this on average are cut; 0 never cuts them. */
  public SandboxBuilder minDownloadBytesPerSecond(long bytesPerSecond) {
    return set(MIN_DOWNLOAD_RATE, bytesPerSecond);
  }

  /** Downloads written at once, in all and to one client address. */
  public SandboxBuilder maxDownloads(int total, int perClient) {
    return set(MAX_DOWNLOADS, total).set(MAX_DOWNLOADS_PER_CLIENT, perClient);
  }

  /** Whether the test helpers under {@code /__sandbox} are open (default: yes). */
  public SandboxBuilder testHelpers(boolean open) {
    return set(NO_TEST_HELPERS, !open);
  }

  /**
   * Where the state is kept: {@code memory} (the default) or {@code redis://HOST:PORT[/DB]}, shared
   * by every sandbox node on that Redis (needs {@code io.lettuce:lettuce-core}).
   */
  public SandboxBuilder state(String where) {
    return set(STATE, where);
  }

  /** A fault schedule, {@code {"faults": [...]}}, to load at start ({@code --faults}). */
  public SandboxBuilder faults(Path file) {
    return set(FAULTS, file);
  }

  /** Writes every request and every change of an export to stdout ({@code --verbose}). */
  public SandboxBuilder verbose(boolean on) {
    return set(VERBOSE, on);
  }

  /**
   * Refuses what the spec's schemas refuse (400): fields a type does not take, numeric strings for
   * integers, {@code page}/{@code limit} out of bounds. Off by default: the sandbox then reads
   * requests as the vendor's framework does and reports such calls through its lint.
   */
  public SandboxBuilder strict(boolean value) {
    return set(STRICT, value);
  }

  /**
   * Disk space (MiB, in the temp folder) for export files printed while their job runs, so that a
   * download hands out a finished file; 0 prints each file as it is downloaded.
   */
  public SandboxBuilder prepareFilesMb(long value) {
    return set(PREPARE_FILES_MB, value);
  }

  /** Requests per minute per account without {@code api_core_rate_limit}; 0 turns limiting off. */
  public SandboxBuilder rateLimit(int perMinute) {
    return set(RATE_LIMIT, perMinute);
  }

  /** Turns Try-it tenants on or off ({@code sk_try_*} keys). */
  public SandboxBuilder tryIt(boolean on) {
    return set(TRY_IT, on);
  }

  /** Minutes of the sandbox clock after which an unused Try-it tenant expires. */
  public SandboxBuilder tryItIdleMinutes(int minutes) {
    return set(TRY_IT_IDLE_MINUTES, minutes);
  }

  /** Live Try-it tenants at most. */
  public SandboxBuilder tryItMaxTenants(int max) {
    return set(TRY_IT_MAX_TENANTS, max);
  }

  /** New Try-it tenants per minute, per client address and in total. */
  public SandboxBuilder tryItCreationLimits(int perClient, int inTotal) {
    return set(TRY_IT_NEW_PER_MINUTE, perClient).set(TRY_IT_NEW_TOTAL_PER_MINUTE, inTotal);
  }

  /** Proxies whose {@code X-Forwarded-For} names the client ({@code --trusted-proxies}). */
  public SandboxBuilder trustedProxies(List<String> addresses) {
    return set(TRUSTED_PROXIES, addresses);
  }

  /** Origins whose pages may read the API's answers (exact {@code scheme://host[:port]}). */
  public SandboxBuilder corsOrigins(List<String> origins) {
    return set(CORS_ORIGINS, origins);
  }

  /** Delivers export events to {@code url}, signed with {@code secret}. */
  public SandboxBuilder webhook(URI url, String secret) {
    return set(WEBHOOK_URL, url).set(WEBHOOK_SECRET, secret);
  }

  /** Attempts per webhook delivery, the first included. */
  public SandboxBuilder webhookMaxAttempts(int attempts) {
    return set(WEBHOOK_MAX_ATTEMPTS, attempts);
  }

  /**
   * A WireMock root folder ({@code --root-dir}): the stubs of its {@code mappings/*.json} (bodies
   * in {@code __files/}) answer every path the sandbox does not own.
   */
  public SandboxBuilder rootDir(Path folder) {
    return set(ROOT_DIR, folder);
  }

  /** The base clock; the sandbox adds its advanceable offset on top. */
  public SandboxBuilder clock(Clock base) {
    clock = base;
    return this;
  }

  /** Replaces the seeded data (tests that need specific records, e.g. none at all). */
  public SandboxBuilder data(ExportData exportData) {
    data = exportData;
    return this;
  }

  /**
   * The options set so far, the defaults for the others.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public SandboxOptions options() {
    return SandboxOptions.of(values);
  }

  public Sandbox start() {
    return Sandbox.start(options(), clock, data);
  }

  /**
   * Starts the sandbox without a server of its own, its routes served by {@code hosting} (the
   * WireMock extension's path: see {@code ExportsSandboxWireMockExtension}).
   */
  public Sandbox startHostedBy(SandboxHost.Factory hosting) {
    return Sandbox.start(options(), clock, data, sandbox -> {}, hosting);
  }
}
