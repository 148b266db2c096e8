package pelcro.exports.sandbox.files;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.apache.commons.csv.CSVFormat;

/**
 * Streams an RFC 4180 CSV in UTF-8 whose parts are printed on the {@link PrintingPool}, a few ahead
 * of the reader, and served in order: the bytes are those of one sequential pass.
 *
 * <p>Why: printing a row (generating the record, quoting its values) is the cost of a download, and
 * one thread cannot print a million-row file at the rate the issue asks for. At most {@link
 * #WINDOW} parts are held at once, so memory stays small whatever the file's size; closing the
 * stream (WireMock does when the client goes away) cancels the parts not yet started.
 */
public final class PartedCsvStream extends ChunkedInputStream {
  /**
   * Parts printed ahead: enough to keep every pool thread busy while one part is written, and
   * capped so that a slow client on a many-core host holds at most ~2 MB.
   */
  static final int WINDOW = Math.min(2 * PrintingPool.THREADS, 8);

  /**
   * The initial size of a part's text, served as it is. Parts are cut small enough (~200 KB) that
   * this buffer does not reach G1's "humongous" size (half a region: 512 KB at the 256 MiB heap the
   * benchmark uses); humongous arrays cost a GC each, which halved throughput.
   */
  private static final int TEXT_CAPACITY = 240 * 1024;

  private final RowParts parts;
  private final ArrayDeque<FutureTask<Utf8Text>> ahead = new ArrayDeque<>();
  private int nextPart;
  private boolean headerWritten;

  public PartedCsvStream(RowParts parts) {
    this.parts = parts;
  }

  @Override
  protected boolean produce() throws IOException {
    if (!headerWritten) {
      headerWritten = true;
      fill();
      Utf8Text header = new Utf8Text(1024);
      CsvStream.printRow(CsvStream.ownFormat(), parts.columns().toArray(String[]::new), header);
      header.writeTo(sink());
      return true;
    }
    FutureTask<Utf8Text> head = ahead.poll();
    if (head == null) {
      return false;
    }
    // The reader prints the part itself when no pool thread has taken it yet (the pool may be
    // busy with other downloads): progress never waits on the queue.
    if (PrintingPool.withdraw(head)) {
      head.run();
    }
    Utf8Text part = await(head);
    serve(part.array(), part.size());
    fill();
    return !ahead.isEmpty();
  }

  /** Parts submitted and not yet served: for tests of cancellation. */
  int partsAhead() {
    return ahead.size();
  }

  private void fill() {
    while (ahead.size() < WINDOW && nextPart < parts.count()) {
      Rows rows = parts.part(nextPart++);
      FutureTask<Utf8Text> task = new FutureTask<>(() -> print(rows));
      ahead.add(task);
      PrintingPool.executor().execute(task);
    }
  }

  private static Utf8Text print(Rows rows) throws IOException {
    String[] row = new String[rows.columns().size()];
    Utf8Text text = new Utf8Text(TEXT_CAPACITY);
    CSVFormat format = CsvStream.ownFormat();
    while (rows.next(row)) {
      CsvStream.printRow(format, row, text);
    }
    return text;
  }

  private static Utf8Text await(FutureTask<Utf8Text> task) throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while a part of the file was printed");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new UncheckedIOException(new IOException("printing a part of the file failed", cause));
    }
  }

  /** Cancels the parts not yet printed: a client that went away costs no more work. */
  @Override
  public void close() throws IOException {
    super.close();
    for (FutureTask<Utf8Text> task : ahead) {
      task.cancel(false);
    }
    ahead.clear();
  }
}
