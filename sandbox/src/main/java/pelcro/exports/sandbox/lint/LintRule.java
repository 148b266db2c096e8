package pelcro.exports.sandbox.lint;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.openapi.ExportsSpec;

/**
 * The integrator lint's rules, as a table: each names what a real integration should fix, and the
 * vendor page that says so. A rule never changes an answer; it is reported in {@code
 * X-Sandbox-Lint}, {@code /__admin/sandbox/lint} and {@code SandboxHandle.lint()}.
 *
 * <p>The page is named by its key in the spec's {@code info.x-sources}, so its URL is written once,
 * in the spec.
 */
public enum LintRule {
  IGNORED_FIELD(
      "ignored-field",
      "request-export",
      "A field that this export type does not take was sent; it has no effect and is ignored"
          + " (the filter tables list each type's filters; a --strict sandbox answers 400)."),
  NUMERIC_STRING(
      "numeric-string",
      "request-export",
      "An integer filter was sent as a string; the filter tables type it integer (the sandbox"
          + " reads it as the number, a --strict sandbox answers 400)."),
  DECIMAL_INTEGER(
      "decimal-integer",
      "request-export",
      "An integer filter was sent as a number with a fraction of zero (456.0); the filter tables"
          + " type it integer (the sandbox reads it as 456, a --strict sandbox answers 400)."),
  MONTH_NOT_FIRST_DAY(
      "month-not-first-day",
      "request-export",
      "The accounting month was not sent as the 1st of its month; the page's format is"
          + " YYYY-MM-DD with the first day (2024-01-01 for January 2024)."),
  DATE_IN_MILLISECONDS(
      "date-in-milliseconds",
      "request-export",
      "date_from or date_to looks like milliseconds; the filter tables ask for a Unix timestamp"
          + " in seconds.",
      true),
  DATE_WITHOUT_ZONE(
      "date-without-zone",
      "request-export",
      "date_from or date_to was sent as a date-time without a zone; the sandbox reads it as UTC"
          + " (as the vendor's framework does by default), which may not be the time meant: add"
          + " Z or an offset (2024-01-01T00:00:00Z), or send Unix seconds."),
  DOWNLOAD_POLLED_TOO_SOON(
      "download-polled-too-soon",
      "download-export",
      "The download was polled again within 1 s of \"The export is not yet ready to be"
          + " downloaded.\"; wait for the export.completed webhook or poll with a backoff."),
  NOT_FOUND_POLLED(
      "not-found-polled",
      "download-export",
      "A download answered \"The requested file was not found, please try to export again.\""
          + " was requested again; that answer is final (the export failed, or the uuid is"
          + " unknown or another account's), unlike \"not yet ready\": tell the two 404s apart"
          + " by their message, stop polling, and request a new export."),
  DOWNLOAD_AGAIN(
      "download-again",
      "download-export",
      "A file that was already delivered was requested again; the file is deleted after its"
          + " first download, so request a new export instead."),
  REQUEST_RETRIED_TOO_SOON(
      "request-retried-too-soon",
      "request-export",
      "The same export was requested again within 1 s of \"Export in progress\" or \"Nothing"
          + " to export\"; wait for the running export to complete, or change the filters."),
  REFUSED_REQUEST_REPEATED(
      "refused-request-repeated",
      "request-export",
      "A request refused with 400 (invalid data or date range) was sent again unchanged; it"
          + " will be refused again: fix what the answer's errors name before sending it."),
  RETRIED_BEFORE_RETRY_AFTER(
      "retried-before-retry-after",
      "rate-limits",
      "A request was sent before the Retry-After of a 429 had elapsed; retry with exponential"
          + " backoff."),
  KEY_IN_QUERY(
      "key-in-query",
      "core-intro",
      "An API key was sent in the query string, where proxies and logs keep it; send it as"
          + " Authorization: Bearer <key>."),
  PAGINATION_OUT_OF_RANGE(
      "pagination-out-of-range",
      "pagination",
      "page or limit is outside the documented range (limit 1 to 100, page from 1); the"
          + " sandbox serves the nearest valid value, a --strict sandbox answers 400.");

  private final String id;
  private final String source;
  private final String text;
  private final boolean explainsRefusal;

  LintRule(String id, String source, String text) {
    this(id, source, text, false);
  }

  /**
   * @param explainsRefusal whether the finding says why its field was refused, so it is kept when
   *     the answer refused that field (every other finding about a refused field is not)
   */
  LintRule(String id, String source, String text, boolean explainsRefusal) {
    this.id = id;
    this.source = source;
    this.text = text;
    this.explainsRefusal = explainsRefusal;
  }

  /** The rule's id, as in {@code X-Sandbox-Lint}. */
  public String id() {
    return id;
  }

  /** Whether a finding of this rule is kept even when its field was refused (it says why). */
  public boolean explainsRefusal() {
    return explainsRefusal;
  }

  /** The key of the vendor page in the spec's {@code x-sources}. */
  public String source() {
    return source;
  }

  /** What to fix, with the vendor page it comes from. */
  public String message() {
    return text + " [" + source + ": " + url() + "]";
  }

  /** The vendor page's URL, from the spec. */
  public String url() {
    Object sources = ExportsSpec.get().model().getInfo().getExtensions().get("x-sources");
    return String.valueOf(((Map<?, ?>) sources).get(source));
  }

  /** The rule with this id. */
  public static Optional<LintRule> byId(String id) {
    return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
  }
}
