package pelcro.exports.sandbox.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

  /** A query for the six months before the anchor. */
  private static ExportQuery lastSixMonths(String type) {
    return new ExportQuery(
        1,
        type,
        Map.of(
            "date_from",
            ANCHOR.getEpochSecond() - 180L * 86_400,
            "date_to",
            ANCHOR.getEpochSecond()));
  }

  @Test
  void aLargeExportIsStreamedThroughAFewSmallParts() throws Exception {
    SeededExportData data = new SeededExportData(1, 375_000, ANCHOR); // over 36 months
    ExportQuery query = lastSixMonths("subscriptions");
    long bytes = 0;
    try (InputStream in = data.file(query, "big", ANCHOR).opener().open()) {
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        bytes += n;
      }
      int largest = ((ChunkedInputStream) in).largestChunk();
      // ~60,000 rows (~11 MB) pass through parts of ~1,000 rows (~190 KB), at most WINDOW of
      // them ahead; each stays under G1's humongous size (512 KB at a 256 MiB heap).
      assertThat(bytes).isGreaterThan(10L << 20);
      assertThat(largest).isLessThan(512 << 10);
      assertThat((long) largest * PartedCsvStream.WINDOW).isLessThan(bytes / 4);
    }
  }

  @Test
  void aPartThatFailsFailsEveryLaterReadInsteadOfSkippingItsRows() throws Exception {
    RowParts parts =
        new RowParts() {
          public List<String> columns() {
            return List.of("part");
          }

          public int count() {
            return 3;
          }

          public Rows part(int k) {
            return new Rows() {
              private boolean done;

              public List<String> columns() {
                return List.of("part");
              }

              public boolean next(String[] row) {
                if (k == 1) {
                  throw new IllegalStateException("part 1 cannot be printed");
                }
                row[0] = "part" + k;
                return !done && (done = true);
              }
            };
          }
        };
    try (InputStream in = new PartedCsvStream(parts)) {
      assertThatThrownBy(in::readAllBytes).hasMessageContaining("part 1 cannot be printed");
      assertThatThrownBy(in::read)
          .isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("failed earlier");
    }
  }

  @Test
  void aFilePrintedInPartsOnSeveralThreadsHasTheBytesOfOneSequentialPass() throws Exception {
    SeededExportData data = new SeededExportData(3, 100_000, ANCHOR);
    for (String type : List.of("subscriptions", "customers", "payments")) {
      ExportQuery query = lastSixMonths(type);
      byte[] sequential;
      try (InputStream in = CsvStream.of(data.rows(query, ANCHOR))) {
        sequential = in.readAllBytes();
      }
      byte[] parted;
      try (InputStream in = data.file(query, "p", ANCHOR).opener().open()) {
        parted = in.readAllBytes();
      }
      // Several parts (~25,000 rows), so the join of parts is really exercised.
      assertThat(sequential.length).as(type).isGreaterThan(2_000_000);
      assertThat(parted).as(type).isEqualTo(sequential);
    }
  }

  @Test
  void closingAStreamHalfReadCancelsThePartsNotYetPrinted() throws Exception {
    SeededExportData data = new SeededExportData(1, 375_000, ANCHOR); // over 36 months
    ExportQuery query = lastSixMonths("subscriptions");
    PartedCsvStream in = (PartedCsvStream) data.file(query, "gone", ANCHOR).opener().open();
    in.readNBytes(1_000_000);
    in.close();
    assertThat(in.partsAhead()).isZero();
    assertThatThrownBy(in::read).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void transferToWritesTheSameBytesAsReading() throws Exception {
    SeededExportData data = new SeededExportData(1, 20_000, ANCHOR);
    ExportQuery query = lastSixMonths("subscriptions");
    byte[] read;
    try (InputStream in = data.file(query, "t", ANCHOR).opener().open()) {
      read = in.readAllBytes();
    }
    ByteArrayOutputStream transferred = new ByteArrayOutputStream();
    try (InputStream in = data.file(query, "t", ANCHOR).opener().open()) {
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
    Rows rows =
        new Rows() {
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
      List<CSVRecord> parsed =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(
                  new InputStreamReader(
                      new java.io.ByteArrayInputStream(raw), StandardCharsets.UTF_8))
              .getRecords();
      assertThat(parsed.stream().map(r -> r.get("company")).toList()).isEqualTo(values);
    }
  }
}
