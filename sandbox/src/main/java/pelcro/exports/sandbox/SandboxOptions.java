package pelcro.exports.sandbox;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.domain.KeyMask;

/**
 * The sandbox's options, immutable: one record for the CLI, the embedding builder and the JUnit
 * extension, so the three cannot drift apart.
 *
 * @param port the port, 0 for any free port
 * @param bind the address to listen on
 * @param jobSeconds how long an export takes from request to finished file
 * @param admin whether {@code /__admin} (and the control API) is open
 * @param nonEnterpriseStatus 401 (the endpoint pages) or 403 (the overview) for non-Enterprise keys
 * @param listMode {@code types} or {@code jobs}: what {@code GET /exports} lists
 * @param accounts an accounts file, or null for the built-in accounts
 * @param seed the seed of the synthetic data
 * @param recordsPerType how many records of each type each site holds
 * @param journalEntries how many requests WireMock's journal keeps; 0 turns it off
 * @param fileTtlSeconds how long a finished file waits for its download before it expires
 * @param maxBodyBytes the largest request body accepted
 * @param adminToken the bearer token every {@code /__admin} call must send; null for none
 * @param bodyTimeoutSeconds how long a client may take to send a request body
 * @param minDownloadBytesPerSecond downloads read slower than this on average are cut; 0 never
 * @param maxDownloads downloads written at once, at most
 * @param maxDownloadsPerClient downloads written at once to one client address, at most
 * @param testHelpers whether the test helpers under {@code /__sandbox} are open
 * @param state where the state is kept: {@code memory}, or {@code redis://HOST:PORT[/DB]}
 * @param verbose whether every request and every change of an export is written to stdout
 * @param faults a fault schedule to load at start, or null
 * @param strict refuse what the spec's schemas refuse (fields a type does not take, numeric
 *     strings for integers, {@code page}/{@code limit} out of bounds) instead of reading requests
 *     as the vendor's framework does
 * @param prepareFilesMb disk space (MiB, in the temp folder) for export files printed while their
 *     job runs, so that a download hands out a finished file; 0 prints each file as it is
 *     downloaded
 * @param rootDir a WireMock root folder ({@code mappings/*.json}, {@code __files/}) whose stubs
 *     answer every path the sandbox does not own, or null for none
 */
public record SandboxOptions(
    int port,
    String bind,
    double jobSeconds,
    boolean admin,
    int nonEnterpriseStatus,
    String listMode,
    Path accounts,
    long seed,
    int recordsPerType,
    int journalEntries,
    long fileTtlSeconds,
    int maxBodyBytes,
    String adminToken,
    double bodyTimeoutSeconds,
    long minDownloadBytesPerSecond,
    int maxDownloads,
    int maxDownloadsPerClient,
    boolean testHelpers,
    String state,
    boolean verbose,
    Path faults,
    boolean strict,
    long prepareFilesMb,
    Path rootDir) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final double DEFAULT_JOB_SECONDS = 3;
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_RECORDS_PER_TYPE = 2000;
  public static final int DEFAULT_JOURNAL_ENTRIES = 100;
  public static final long DEFAULT_FILE_TTL_SECONDS = 7 * 24 * 3600;
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** A body of at most 1 MiB takes well under a second on any real link; 10 s is generous. */
  public static final double DEFAULT_BODY_TIMEOUT_SECONDS = 10;
  /** 4 KiB/s: far below any real client, far above a reader that only means to hold a slot. */
  public static final long DEFAULT_MIN_DOWNLOAD_BYTES_PER_SECOND = 4096;
  /** About half of the server's 100 threads: slow readers can never take them all. */
  public static final int DEFAULT_MAX_DOWNLOADS = 48;
  /** Enough for a CI job that downloads in parallel; one address cannot take every slot. */
  public static final int DEFAULT_MAX_DOWNLOADS_PER_CLIENT = 8;
  /** Room for a few six-month exports of a million rows (about 210 MB each). */
  public static final long DEFAULT_PREPARE_FILES_MB = 1024;

  public SandboxOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (jobSeconds < 0 || jobSeconds > 30L * 24 * 3600) {
      throw new IllegalArgumentException("job-seconds must be between 0 and 30 days");
    }
    if (nonEnterpriseStatus != 401 && nonEnterpriseStatus != 403) {
      throw new IllegalArgumentException("non-enterprise-status must be 401 or 403");
    }
    if (!listMode.equals("types") && !listMode.equals("jobs")) {
      throw new IllegalArgumentException("list-mode must be types or jobs");
    }
    if (recordsPerType < 0 || journalEntries < 0 || fileTtlSeconds < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("counts and sizes must not be negative");
    }
    if (bodyTimeoutSeconds <= 0 || bodyTimeoutSeconds > 3600 || minDownloadBytesPerSecond < 0) {
      throw new IllegalArgumentException(
          "body-timeout-seconds must be in (0, 3600] and min-download-rate must not be negative");
    }
    if (!state.equals("memory") && !state.startsWith("redis://")) {
      throw new IllegalArgumentException("state must be memory or redis://HOST:PORT[/DB]");
    }
    if (maxDownloads < 1 || maxDownloadsPerClient < 1) {
      throw new IllegalArgumentException("max-downloads and max-downloads-per-client must be positive");
    }
    if (prepareFilesMb < 0 || prepareFilesMb > 1024L * 1024) {
      throw new IllegalArgumentException("prepare-files-mb must be between 0 and 1048576 (1 TiB)");
    }
    if (rootDir != null && !java.nio.file.Files.isDirectory(rootDir)) {
      throw new IllegalArgumentException("root-dir " + rootDir + " is not a folder");
    }
    if (adminToken != null && adminToken.isBlank()) {
      throw new IllegalArgumentException("admin-token must not be blank");
    }
  }

  /** The defaults of every option. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(
        DEFAULT_PORT, DEFAULT_BIND, DEFAULT_JOB_SECONDS, true, 401, "types", null, DEFAULT_SEED,
        DEFAULT_RECORDS_PER_TYPE, DEFAULT_JOURNAL_ENTRIES, DEFAULT_FILE_TTL_SECONDS,
        DEFAULT_MAX_BODY_BYTES, null, DEFAULT_BODY_TIMEOUT_SECONDS,
        DEFAULT_MIN_DOWNLOAD_BYTES_PER_SECOND, DEFAULT_MAX_DOWNLOADS,
        DEFAULT_MAX_DOWNLOADS_PER_CLIENT, true, "memory", false, null, false,
        DEFAULT_PREPARE_FILES_MB, null);
  }

  /** The options as printed at start, in CLI spelling. */
  public Map<String, Object> describe() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("--port", port);
    view.put("--bind", bind);
    view.put("--job-seconds", jobSeconds);
    view.put("--accounts", accounts == null ? "(built-in)" : accounts);
    view.put("--no-admin", !admin);
    view.put("--non-enterprise-status", nonEnterpriseStatus);
    view.put("--list-mode", listMode);
    view.put("--seed", seed);
    view.put("--records-per-type", recordsPerType);
    view.put("--max-journal-entries", journalEntries == 0 ? "0 (journal off)" : journalEntries);
    view.put("--file-ttl-seconds", fileTtlSeconds);
    view.put("--admin-token", adminToken == null ? "(none)" : "(set)");
    view.put("--body-timeout-seconds", bodyTimeoutSeconds);
    view.put("--min-download-rate", minDownloadBytesPerSecond == 0 ? "0 (off)"
        : minDownloadBytesPerSecond + " bytes/s");
    view.put("--max-downloads", maxDownloads + " (" + maxDownloadsPerClient + " per client)");
    view.put("--no-test-helpers", !testHelpers);
    view.put("--state", KeyMask.urlPassword(state));
    view.put("--verbose", verbose);
    view.put("--faults", faults == null ? "(none)" : faults);
    view.put("--strict", strict);
    view.put("--prepare-files-mb", prepareFilesMb == 0 ? "0 (files printed as downloaded)"
        : prepareFilesMb + " MiB");
    view.put("--root-dir", rootDir == null ? "(none)" : rootDir);
    return view;
  }
}
