package pelcro.exports.sandbox.data;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The sites' records and the export files built from them: the seam between the API emulation and
 * the synthetic data.
 *
 * <p>Implementations are deterministic (same seed, same answers) and thread-safe. {@code asOf} is
 * an instant on the sandbox clock: only records that exist at that instant count, so that a
 * finished export's file is fixed by its {@code finished_at}.
 */
public interface ExportData {

  /**
   * Whether at least one record of the site matches the query at {@code asOf}; "Nothing to export"
   * is answered exactly when this is false (request-export, Common Errors).
   */
  boolean hasRecords(ExportQuery query, Instant asOf);

  /**
   * The month of the site's first invoice, for the accounting rule "starting from the month of your
   * first invoice" (request-export, Accounting); empty when the site has no invoice.
   */
  Optional<YearMonth> firstInvoiceMonth(long siteId);

  /**
   * The file of a finished export: a CSV with a header row, or for {@code accounting} a ZIP of the
   * 11 documented CSVs. Its content depends only on the query and {@code asOf}.
   */
  ExportFile file(ExportQuery query, String exportUuid, Instant asOf);

  /**
   * Told when an export is requested, with the instant its file will be fixed at: an implementation
   * may build the file ahead of its download. Changes no answer.
   */
  default void prepare(ExportQuery query, String exportUuid, Instant asOf) {}

  /** Told when an export's file has been downloaded: whatever was kept for it can go. */
  default void release(String exportUuid) {}
}
