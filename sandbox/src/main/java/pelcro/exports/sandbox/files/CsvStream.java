package pelcro.exports.sandbox.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Streams rows as an RFC 4180 CSV in UTF-8 with a header row, a batch of rows at a time. */
public final class CsvStream extends ChunkedInputStream {
  /** RFC 4180: comma, double-quote quoting where needed, CRLF line ends. */
  static final CSVFormat FORMAT = CSVFormat.RFC4180;
  static final int BATCH = 256;

  private final Rows rows;
  private final String[] row;
  private final CSVPrinter printer;
  private final BufferedWriter writer;
  private boolean headerWritten;

  public CsvStream(Rows rows) {
    this.rows = rows;
    this.row = new String[rows.columns().size()];
    this.writer = new BufferedWriter(new OutputStreamWriter(sink(), StandardCharsets.UTF_8), 16 * 1024);
    try {
      this.printer = new CSVPrinter(writer, FORMAT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens a fresh stream of {@code rows}. */
  public static InputStream of(Rows rows) {
    return new CsvStream(rows);
  }

  @Override
  protected boolean produce() throws IOException {
    boolean more = writeBatch(printer, rows, row, headerWritten);
    headerWritten = true;
    writer.flush();
    return more;
  }

  /** Prints the header (unless done) and up to a batch of rows; false when rows ran out. */
  static boolean writeBatch(CSVPrinter printer, Rows rows, String[] row, boolean headerWritten)
      throws IOException {
    if (!headerWritten) {
      printer.printRecord(rows.columns());
    }
    for (int n = 0; n < BATCH; n++) {
      if (!rows.next(row)) {
        return false;
      }
      printer.printRecord((Object[]) row);
    }
    return true;
  }
}
