package pelcro.exports.sandbox.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.data.SeededExportData;

class StreamingTest {

  @Test
  void aLargeExportIsStreamedThroughASmallBuffer() throws Exception {
    Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
    SeededExportData data = new SeededExportData(1, 250_000, anchor);
    ExportQuery query = new ExportQuery(1, "subscriptions",
        Map.of("date_from", anchor.getEpochSecond() - 180L * 86_400, "date_to", anchor.getEpochSecond()));
    long bytes = 0;
    try (InputStream in = data.file(query, "big", anchor).opener().open()) {
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        bytes += n;
      }
      int capacity = ((ChunkedInputStream) in).bufferCapacity();
      // ~60,000 rows (~11 MB) pass through a buffer of one batch (~256 rows).
      assertThat(bytes).isGreaterThan(10L << 20);
      assertThat(capacity).isLessThanOrEqualTo(256 << 10);
    }
  }

  @Test
  void transferToWritesTheSameBytesAsReading() throws Exception {
    Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
    SeededExportData data = new SeededExportData(1, 20_000, anchor);
    ExportQuery query = new ExportQuery(1, "subscriptions",
        Map.of("date_from", anchor.getEpochSecond() - 180L * 86_400, "date_to", anchor.getEpochSecond()));
    byte[] read;
    try (InputStream in = data.file(query, "t", anchor).opener().open()) {
      read = in.readAllBytes();
    }
    ByteArrayOutputStream transferred = new ByteArrayOutputStream();
    try (InputStream in = data.file(query, "t", anchor).opener().open()) {
      // A partial read first: transferTo must continue from the middle of a batch.
      transferred.write(in.readNBytes(1000));
      long n = in.transferTo(transferred);
      assertThat(n).isEqualTo(read.length - 1000);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(transferred.toByteArray()).isEqualTo(read);
  }

  @Test
  void valuesWithCommasQuotesAndNewlinesRoundTripAsRfc4180() throws Exception {
    List<String> values = List.of("Smith, Jones & Co", "the \"best\"", "two\nlines", "Zoë");
    Rows rows = new Rows() {
      private final Iterator<String> next = values.iterator();

      public List<String> columns() {
        return List.of("id", "company");
      }

      public boolean next(String[] row) {
        if (!next.hasNext()) {
          return false;
        }
        row[0] = "1";
        row[1] = next.next();
        return true;
      }
    };
    try (InputStream in = CsvStream.of(rows)) {
      byte[] raw = in.readAllBytes();
      assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith("id,company\r\n");
      List<CSVRecord> parsed = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new InputStreamReader(new java.io.ByteArrayInputStream(raw), StandardCharsets.UTF_8)).getRecords();
      assertThat(parsed.stream().map(r -> r.get("company")).toList()).isEqualTo(values);
    }
  }
}
