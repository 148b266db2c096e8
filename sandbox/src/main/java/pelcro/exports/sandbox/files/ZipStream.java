package pelcro.exports.sandbox.files;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Streams a ZIP of CSV files, each entry's rows pulled a batch at a time. Entry times are fixed by
 * the caller, so the same content gives the same bytes.
 */
public final class ZipStream extends ChunkedInputStream {
  private final Iterator<Map.Entry<String, Supplier<Rows>>> entries;
  private final long entryTime;
  private final ZipOutputStream zip;
  private CsvStream.Batches current;

  /**
   * @param entries the CSV files in order, by name; each supplier opens that file's rows
   * @param entryTimeMillis the modification time written for every entry
   */
  public ZipStream(LinkedHashMap<String, Supplier<Rows>> entries, long entryTimeMillis) {
    this.entries = entries.entrySet().iterator();
    this.entryTime = entryTimeMillis;
    this.zip = new ZipOutputStream(sink());
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
      current = new CsvStream.Batches(next.getValue().get());
    }
    if (!current.writeNext(zip)) {
      zip.closeEntry();
      current = null;
    }
    return true;
  }
}
