package pelcro.exports.sandbox.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams a ZIP of CSV files, each entry's rows pulled a batch at a time. Entry times are fixed
 * by the caller, so the same content gives the same bytes.
 */
public final class ZipStream extends ChunkedInputStream {
  private final Iterator<Map.Entry<String, Supplier<Rows>>> entries;
  private final long entryTime;
  private final ZipOutputStream zip;
  private final BufferedWriter writer;
  private CSVPrinter printer;
  private Rows current;
  private String[] row;
  private boolean headerWritten;

  /**
   * @param entries the CSV files in order, by name; each supplier opens that file's rows
   * @param entryTimeMillis the modification time written for every entry
   */
  public ZipStream(LinkedHashMap<String, Supplier<Rows>> entries, long entryTimeMillis) {
    this.entries = entries.entrySet().iterator();
    this.entryTime = entryTimeMillis;
    this.zip = new ZipOutputStream(sink());
    this.writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 16 * 1024);
  }

  @Override
  protected boolean produce() throws IOException {
    if (current == null) {
      if (!entries.hasNext()) {
        zip.finish();
        return false;
      }
      Map.Entry<String, Supplier<Rows>> next = entries.next();
      ZipEntry entry = new ZipEntry(next.getKey());
      entry.setTime(entryTime);
      zip.putNextEntry(entry);
      current = next.getValue().get();
      row = new String[current.columns().size()];
      printer = new CSVPrinter(writer, CsvStream.FORMAT);
      headerWritten = false;
    }
    boolean more = CsvStream.writeBatch(printer, current, row, headerWritten);
    headerWritten = true;
    writer.flush();
    if (!more) {
      zip.closeEntry();
      current = null;
    }
    return true;
  }
}
