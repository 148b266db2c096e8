package pelcro.exports.sandbox.data;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The sandbox's synthetic records, seeded and deterministic.
 *
 * <p>PLACEHOLDER, replaced by the data workstream (issue 5): every query matches, and files
 * hold a header row only. The constructor is the contract the rest of the sandbox relies on.
 */
public final class SeededExportData implements ExportData {
  private final Instant anchor;

  /**
   * @param seed the seed of all generated data ({@code --seed})
   * @param recordsPerType how many records of each type each site holds ({@code --records-per-type})
   * @param anchor the clock's present when the sandbox starts; records spread over the 24 months before it
   */
  public SeededExportData(long seed, int recordsPerType, Instant anchor) {
    this.anchor = anchor;
  }

  @Override
  public boolean hasRecords(ExportQuery query, Instant asOf) {
    return true;
  }

  @Override
  public Optional<YearMonth> firstInvoiceMonth(long siteId) {
    return Optional.of(YearMonth.from(anchor.atZone(ZoneOffset.UTC)).minusMonths(24));
  }

  @Override
  public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
    return new ExportFile(query.type() + "-" + exportUuid + ".csv",
        () -> new ByteArrayInputStream("id\n".getBytes(StandardCharsets.UTF_8)));
  }
}
