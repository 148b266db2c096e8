package pelcro.exports.sandbox.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.csv.CSVFormat;

/** Streams rows as an RFC 4180 CSV in UTF-8 with a header row, a batch of rows at a time. */
public final class CsvStream extends ChunkedInputStream {
  /** RFC 4180: comma, double-quote quoting where needed, CRLF line ends. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /**
   * A private copy of {@link #FORMAT} for one thread's printing. Commons CSV 1.14 declares {@code
   * CSVFormat.print} {@code synchronized}: threads sharing one instance queued on its monitor,
   * which cost a parallel download half its CPU.
   */
  static CSVFormat ownFormat() {
    return FORMAT.builder().get();
  }

  private final Batches batches;

  public CsvStream(Rows rows) {
    this.batches = new Batches(rows);
  }

  /** Opens a fresh stream of {@code rows}. */
  public static InputStream of(Rows rows) {
    return new CsvStream(rows);
  }

  @Override
  protected boolean produce() throws IOException {
    return batches.writeNext(sink());
  }

  /**
   * Prints one file's header and rows a batch at a time. Commons CSV's {@code CSVFormat} quotes and
   * separates each value straight into a {@link Utf8Text} (no CSVPrinter lock per value, no
   * substring per value as with a Writer, no String of the batch to encode again).
   */
  static final class Batches {
    private static final int ROWS_PER_BATCH = 256;
    private final Rows rows;
    private final String[] row;
    private final Utf8Text text = new Utf8Text(128 * 1024);
    private final CSVFormat format = ownFormat();
    private boolean headerWritten;

    Batches(Rows rows) {
      this.rows = rows;
      this.row = new String[rows.columns().size()];
    }

    /** Writes the header (first time) and up to a batch of rows; false once rows ran out. */
    boolean writeNext(OutputStream out) throws IOException {
      boolean more = true;
      if (!headerWritten) {
        print(rows.columns().toArray(String[]::new));
        headerWritten = true;
      }
      for (int n = 0; n < ROWS_PER_BATCH; n++) {
        if (!rows.next(row)) {
          more = false;
          break;
        }
        print(row);
      }
      text.writeTo(out);
      text.reset();
      return more;
    }

    private void print(String[] values) throws IOException {
      printRow(format, values, text);
    }
  }

  /** Appends one record, quoted where RFC 4180 needs it and ended by CRLF, to {@code text}. */
  static void printRow(CSVFormat format, String[] values, Appendable text) throws IOException {
    for (int c = 0; c < values.length; c++) {
      format.print(values[c], text, c == 0);
    }
    format.println(text);
  }
}
