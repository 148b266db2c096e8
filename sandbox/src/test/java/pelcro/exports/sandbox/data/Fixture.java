package pelcro.exports.sandbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import pelcro.exports.openapi.ExportsSpec;

/** Shared test data: a small seeded site, and helpers that read files back as rows. */
final class Fixture {
  static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");
  static final long SITE = 3;
  static final SeededExportData DATA = new SeededExportData(7, 3000, ANCHOR);

  private Fixture() {}

  /** The per-type export types of the spec (everything but accounting and synonyms). */
  static List<String> csvTypes() {
    return ExportsSpec.get().schema("ExportType").getEnum().stream()
        .map(String::valueOf)
        .filter(t -> !t.equals("accounting"))
        .toList();
  }

  /** The last six months before the anchor, as an API client would send them. */
  static Map<String, Object> lastSixMonths() {
    Map<String, Object> filters = new HashMap<>();
    filters.put("date_from", ANCHOR.atZone(ZoneOffset.UTC).minusMonths(6).toEpochSecond());
    filters.put("date_to", ANCHOR.getEpochSecond());
    return filters;
  }

  static List<CSVRecord> csv(SeededExportData data, String type, Map<String, Object> filters) {
    ExportQuery query = new ExportQuery(SITE, type, filters);
    try (InputStream in = data.file(query, "test", ANCHOR).opener().open()) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CSVRecord> csv(String type, Map<String, Object> filters) {
    return csv(DATA, type, filters);
  }

  /** Every record of a type, the whole seeded window. */
  static List<CSVRecord> all(String type) {
    return csv(type, Map.of());
  }

  static byte[] bytes(SeededExportData data, ExportQuery query, Instant asOf) {
    try (InputStream in = data.file(query, "test", asOf).opener().open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CSVRecord> parse(InputStream in) throws IOException {
    CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    return parser.getRecords();
  }

  /** The accounting ZIP's CSVs by file name, in ZIP order. */
  static Map<String, List<CSVRecord>> zip(SeededExportData data, String month, String currency) {
    ExportQuery query =
        new ExportQuery(SITE, "accounting", Map.of("month", month, "currency", currency));
    Map<String, List<CSVRecord>> files = new java.util.LinkedHashMap<>();
    try (ZipInputStream zip =
        new ZipInputStream(data.file(query, "test", ANCHOR).opener().open())) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        files.put(e.getName(), parse(new java.io.ByteArrayInputStream(zip.readAllBytes())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  static List<String> column(List<CSVRecord> rows, String name) {
    List<String> values = new ArrayList<>();
    rows.forEach(r -> values.add(r.get(name)));
    return values;
  }
}
