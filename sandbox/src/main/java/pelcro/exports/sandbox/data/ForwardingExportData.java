package pelcro.exports.sandbox.data;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

/**
 * An {@link ExportData} that hands the records and files of another one on: the base of the
 * wrappers that add something around them (built in the background, printed ahead).
 */
public abstract class ForwardingExportData implements ExportData {

  /** The data the calls go to. */
  protected abstract ExportData delegate();

  @Override
  public boolean hasRecords(ExportQuery query, Instant asOf) {
    return delegate().hasRecords(query, asOf);
  }

  @Override
  public Optional<YearMonth> firstInvoiceMonth(long siteId) {
    return delegate().firstInvoiceMonth(siteId);
  }

  @Override
  public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
    return delegate().file(query, exportUuid, asOf);
  }
}
