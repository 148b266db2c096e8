package pelcro.exports.sandbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import pelcro.exports.sandbox.files.PartedCsvStream;
import pelcro.exports.sandbox.files.Rows;
import pelcro.exports.sandbox.files.ZipStream;

/**
 * The sandbox's synthetic records, seeded and deterministic: every site holds {@code
 * recordsPerType} records of each type, spread evenly over the {@link SeedWindow} (from 2023 to the
 * anchor).
 *
 * <p>Nothing is stored: record {@code i} of a type on a site is a pure function of (seed, site,
 * type, i) within the window, and files are streamed from it. The content of a file is therefore
 * fixed by the seed, the size, the window (all fixed at start), the query and {@code asOf}: a
 * finished export's file never changes.
 */
public final class SeededExportData implements ExportData {
  /** Record indices per printed part: up to ~1,000 rows, some 200 KB of CSV, a few ms of work. */
  static final int INDICES_PER_PART = 1024;

  private static final int SETTLED_MAX = 4096;

  /**
   * Rows of each type {@link #warmUp} prints: enough for C1 to compile each table's code, so that
   * the first file is not printed by the interpreter; C2 then compiles it under real load.
   */
  static final int WARM_UP_ROWS = 200;

  /** Scans of each type's records that {@link #warmUp} makes finding nothing. */
  private static final int WARM_UP_SCANS = 1;

  /** Compiled code serves every sandbox of the JVM (tests start many): one warm-up is enough. */
  private static final AtomicBoolean WARMED_UP = new AtomicBoolean();

  private static final AtomicBoolean SCANS_WARMED_UP = new AtomicBoolean();
  private final long seed;
  private final World world;
  private final SeedWindow window;
  private final Map<ExportQuery, Boolean> settled = new ConcurrentHashMap<>();

  /**
   * @param seed the seed of all generated data ({@code --seed})
   * @param recordsPerType how many records of each type each site holds ({@code
   *     --records-per-type})
   * @param anchor the clock's present when the sandbox starts, the end of the window ({@link
   *     SeedWindow#endingAt})
   */
  public SeededExportData(long seed, int recordsPerType, Instant anchor) {
    this(seed, recordsPerType, SeedWindow.endingAt(anchor));
  }

  /** Records spread over an explicit window (tests, tools). */
  public SeededExportData(long seed, int recordsPerType, SeedWindow window) {
    if (recordsPerType < 0) {
      throw new IllegalArgumentException("recordsPerType must not be negative");
    }
    this.seed = seed;
    this.world = new World(seed, recordsPerType, window);
    this.window = window;
  }

  @Override
  public boolean hasRecords(ExportQuery query, Instant asOf) {
    if (asOf.isBefore(window.end())) {
      return findRecords(query, asOf);
    }
    // Past the window's end no record appears or changes: the answer is the query's for good,
    // and "Nothing to export" (a scan of every record) is worth remembering.
    if (settled.size() > SETTLED_MAX) {
      settled.clear();
    }
    return settled.computeIfAbsent(query, q -> findRecords(q, asOf));
  }

  private boolean findRecords(ExportQuery query, Instant asOf) {
    if (isAccounting(query)) {
      return accountingHasRecords(query, asOf);
    }
    return rows(query, asOf).next(new String[Tables.of(query.type()).columns().size()]);
  }

  @Override
  public Optional<YearMonth> firstInvoiceMonth(long siteId) {
    if (world.count == 0) {
      return Optional.empty();
    }
    long created = world.invoice(siteId, 0).created();
    return Optional.of(YearMonth.from(Instant.ofEpochSecond(created).atZone(ZoneOffset.UTC)));
  }

  @Override
  public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
    if (isAccounting(query)) {
      String name = "accounting-" + exportUuid + ".zip";
      return new ExportFile(name, () -> new ZipStream(reports(query, asOf), asOf.toEpochMilli()));
    }
    Table<?> table =
        Tables.of(query.type()); // fails now, not at download, for a type without a table
    Criteria criteria = Criteria.of(table, query.filters());
    return new ExportFile(
        query.type() + "-" + exportUuid + ".csv",
        () ->
            new PartedCsvStream(
                Selection.parts(
                    world, table, query.siteId(), criteria, cap(asOf), INDICES_PER_PART)));
  }

  /**
   * Prints a throwaway file of every per-type export ({@link #WARM_UP_ROWS} rows each, from a world
   * of that size, so the time it takes does not grow with {@code --records-per-type}) and drops the
   * bytes. Why: a freshly started JVM runs the printing path (records, Commons CSV, the parts pool)
   * interpreted until C2 has compiled it, and served its first million-row download at about half
   * the rate of the next ones. Runs once per JVM.
   */
  public void warmUp() {
    if (WARMED_UP.getAndSet(true)) {
      return;
    }
    SeededExportData small = new SeededExportData(seed, WARM_UP_ROWS, window);
    byte[] buffer = new byte[64 * 1024];
    for (String type : Tables.all().keySet()) {
      ExportQuery query = new ExportQuery(1, type, Map.of());
      try (InputStream in = small.file(query, "warm-up", window.end()).opener().open()) {
        while (in.read(buffer) >= 0) {
          // the bytes are not needed, only the work of printing them
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Runs every type's "Nothing to export" scan a few times ({@link #scanFindingNothing}), before
   * the sandbox says it is ready: a client can ask that at once. Runs once per JVM.
   */
  public void warmUpScans() {
    if (SCANS_WARMED_UP.getAndSet(true)) {
      return;
    }
    SeededExportData small = new SeededExportData(seed, WARM_UP_ROWS, window);
    for (String type : Tables.all().keySet()) {
      small.scanFindingNothing(type);
    }
  }

  /**
   * Scans every record of a type with a filter that no row matches: the path of "Nothing to export"
   * when filters rule out every row (it builds each row to compare it), which printing does not
   * run. Measured: without it the first such request after start took twice the later ones.
   */
  private void scanFindingNothing(String type) {
    Table<?> table = Tables.of(type);
    // email compares without case (the other path of Criteria.Match); any column serves otherwise.
    String column = table.columns().contains("email") ? "email" : table.columns().get(0);
    Criteria none =
        Criteria.of(
            table,
            Long.MIN_VALUE,
            Long.MAX_VALUE,
            false,
            Map.of(column, Set.of("no row has this value")));
    String[] row = new String[table.columns().size()];
    for (int round = 0; round < WARM_UP_SCANS; round++) {
      Selection.of(world, table, 1, none, cap(window.end())).next(row);
    }
  }

  /** The matching rows of a per-type export, for tools and tests that want rows, not bytes. */
  public Rows rows(ExportQuery query, Instant asOf) {
    Table<?> table = Tables.of(query.type());
    return Selection.of(
        world, table, query.siteId(), Criteria.of(table, query.filters()), cap(asOf));
  }

  private boolean accountingHasRecords(ExportQuery query, Instant asOf) {
    for (Supplier<Rows> report : reports(query, asOf).values()) {
      Rows rows = report.get();
      if (rows.next(new String[rows.columns().size()])) {
        return true;
      }
    }
    return false;
  }

  private LinkedHashMap<String, Supplier<Rows>> reports(ExportQuery query, Instant asOf) {
    YearMonth month = YearMonth.from(LocalDate.parse(String.valueOf(query.filters().get("month"))));
    String currency = String.valueOf(query.filters().get("currency"));
    LinkedHashMap<String, Supplier<Rows>> files = new LinkedHashMap<>();
    for (Report report : AccountingReports.all()) {
      files.put(
          report.file(),
          () -> new ReportRows(world, report, query.siteId(), month, currency, cap(asOf)));
    }
    return files;
  }

  private static boolean isAccounting(ExportQuery query) {
    return query.type().equals("accounting");
  }

  private static long cap(Instant asOf) {
    return asOf.getEpochSecond();
  }

  /** Exposed for the benchmark and tests: the number of records of each type per site. */
  public long recordsPerType() {
    return world.count;
  }
}
