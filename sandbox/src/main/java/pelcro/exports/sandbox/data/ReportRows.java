package pelcro.exports.sandbox.data;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pelcro.exports.sandbox.files.Rows;

/** The rows of one accounting report for a site, month and currency, pulled part by part. */
final class ReportRows implements Rows {
  private final World world;
  private final Report report;
  private final long site;
  private final long from;
  private final long to;
  private final String currency;
  private final long asOf;
  private int part = -1;
  private Selection<?> selection;
  private String[] source;
  private int[] mapping;

  ReportRows(World world, Report report, long site, YearMonth month, String currency, long asOf) {
    this.world = world;
    this.report = report;
    this.site = site;
    this.from = month.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    this.to = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
    this.currency = currency;
    this.asOf = asOf;
  }

  @Override
  public List<String> columns() {
    return report.columns();
  }

  @Override
  public boolean next(String[] row) {
    while (true) {
      if (selection != null && selection.next(source)) {
        for (int c = 0; c < row.length; c++) {
          row[c] =
              mapping[c] >= 0
                  ? source[mapping[c]]
                  : report.parts().get(part).sources().get(c).substring(1);
        }
        return true;
      }
      if (++part >= report.parts().size()) {
        selection = null;
        return false;
      }
      open(report.parts().get(part));
    }
  }

  private void open(Report.Part p) {
    Table<?> table = Tables.of(p.type());
    Map<String, Set<String>> filters = new HashMap<>(p.filters());
    filters.put("currency", Set.of(currency));
    selection =
        Selection.of(world, table, site, Criteria.of(table, from, to, false, filters), asOf);
    source = new String[table.columns().size()];
    mapping =
        p.sources().stream().mapToInt(s -> s.startsWith("=") ? -1 : indexOf(table, s)).toArray();
  }

  private static int indexOf(Table<?> table, String column) {
    int index = table.columns().indexOf(column);
    if (index < 0) {
      throw new IllegalStateException(table.type() + " has no column " + column);
    }
    return index;
  }
}
