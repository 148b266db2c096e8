package pelcro.exports.sandbox.data;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Export files printed to disk while their job runs, so that a download hands out a finished file,
 * as the vendor's does (request-export: "The export runs in the background", and the file is
 * downloaded once "ready"; download-export: it is deleted after the first download), instead of
 * printing a million rows while the client waits.
 *
 * <p>A cache, not state: whatever is not prepared in time (a job completed early through the
 * control API, a full budget, another node of a shared store, a disk error) is printed while it is
 * downloaded, with the same bytes, since a file depends only on its query and {@code asOf}. At most
 * {@code budgetBytes} and {@link #MAX_FILES} files lie on disk (the oldest go first), at most
 * {@link #WAITING} files wait for the one printer thread (more are not prepared), a file is deleted
 * once downloaded, and every file when the sandbox closes.
 */
public final class PreparedExportData extends ForwardingExportData implements AutoCloseable {
  /** Files waiting to be printed, at most: a burst of requests cannot queue unbounded work. */
  static final int WAITING = 2;

  /**
   * Files kept at most, whatever their size: exports requested and never downloaded (a public
   * Try-it backend) would otherwise pile up small files until the budget's bytes were reached.
   */
  static final int MAX_FILES = 256;

  private final ExportData data;
  private final long budgetBytes;
  private final Path parent;
  private final ThreadPoolExecutor printer;

  /** Prepared and preparing files by export uuid, oldest first. Guarded by {@code this}. */
  private final LinkedHashMap<String, Prepared> files = new LinkedHashMap<>();

  private long bytesOnDisk;
  private Path folder;
  private boolean closed;
  private volatile boolean active;

  /**
   * @param data where the files come from
   * @param budgetBytes disk space the prepared files may take; 0 prepares none
   * @param parent the folder in which a folder of prepared files is made on first use
   */
  public PreparedExportData(ExportData data, long budgetBytes, Path parent) {
    this.data = data;
    this.budgetBytes = budgetBytes;
    this.parent = parent;
    this.printer =
        new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(WAITING),
            task -> {
              Thread thread = new Thread(task, "exports-file-preparer");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  protected ExportData delegate() {
    return data;
  }

  /**
   * The prepared file when it is complete and made for this query and instant; else the live one.
   */
  @Override
  public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
    ExportFile live = data.file(query, exportUuid, asOf);
    Prepared prepared;
    synchronized (this) {
      prepared = files.get(exportUuid);
    }
    if (prepared == null || !prepared.isFor(query, asOf)) {
      return live;
    }
    if (!prepared.ready) {
      // The download came first: printing it twice at once would only slow both down.
      drop(exportUuid, prepared);
      return live;
    }
    Path path = prepared.path;
    return new ExportFile(
        live.fileName(),
        () -> {
          try {
            return Files.newInputStream(path);
          } catch (NoSuchFileException evicted) {
            return live.opener().open(); // released or evicted since: print it after all
          }
        });
  }

  /**
   * From now on, requested exports are prepared (the sandbox's own warm-up is over). The folder and
   * the printer thread are made now, before "ready", and the thread stays: made by the first
   * accepted export instead, they were part of that request's time.
   */
  public void activate() {
    if (budgetBytes == 0) {
      return;
    }
    synchronized (this) {
      folder();
    }
    printer.prestartCoreThread();
    active = true;
  }

  @Override
  public void prepare(ExportQuery query, String exportUuid, Instant asOf) {
    if (budgetBytes == 0 || !active) {
      return;
    }
    Prepared prepared;
    synchronized (this) {
      Path in = folder();
      if (closed || in == null || files.containsKey(exportUuid)) {
        return;
      }
      Iterator<Prepared> oldest = files.values().iterator();
      while (files.size() >= MAX_FILES && oldest.hasNext()) {
        Prepared other = oldest.next();
        oldest.remove();
        forget(other);
      }
      prepared = new Prepared(query, asOf, in.resolve(exportUuid));
      files.put(exportUuid, prepared);
    }
    try {
      printer.execute(() -> print(exportUuid, prepared));
    } catch (RejectedExecutionException busy) {
      drop(exportUuid, prepared); // its download prints it
    }
  }

  @Override
  public void release(String exportUuid) {
    Prepared prepared;
    synchronized (this) {
      prepared = files.get(exportUuid);
    }
    if (prepared != null) {
      drop(exportUuid, prepared);
    }
  }

  /** Bytes of prepared files on disk now: for tests. */
  synchronized long bytesOnDisk() {
    return bytesOnDisk;
  }

  /** Whether the file of an export is prepared and complete: for tests. */
  synchronized boolean isReady(String exportUuid) {
    Prepared prepared = files.get(exportUuid);
    return prepared != null && prepared.ready;
  }

  @Override
  public void close() {
    List<Map.Entry<String, Prepared>> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(files.entrySet());
    }
    printer.shutdownNow();
    all.forEach(e -> drop(e.getKey(), e.getValue()));
    try {
      // The writer stops at its next chunk; its folder can only go once its file has gone.
      printer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (folder != null) {
        deleteQuietly(folder);
      }
    }
  }

  private void print(String exportUuid, Prepared prepared) {
    synchronized (this) {
      if (prepared.dropped) {
        return;
      }
    }
    try (InputStream in = data.file(prepared.query, exportUuid, prepared.asOf).opener().open();
        OutputStream out = new Budgeted(Files.newOutputStream(prepared.path), prepared)) {
      in.transferTo(out);
    } catch (IOException | RuntimeException e) {
      drop(exportUuid, prepared); // out of budget, dropped meanwhile, or the disk failed
      deleteQuietly(prepared.path); // written after it was dropped: its name goes too
      return;
    }
    synchronized (this) {
      prepared.ready = !prepared.dropped;
    }
  }

  /** Takes {@code n} more bytes of the budget for a file, evicting older complete files. */
  private synchronized boolean reserve(Prepared prepared, int n) {
    if (prepared.dropped) {
      return false;
    }
    Iterator<Prepared> oldest = files.values().iterator();
    while (bytesOnDisk + n > budgetBytes && oldest.hasNext()) {
      Prepared other = oldest.next();
      if (other != prepared && other.ready) {
        oldest.remove();
        forget(other);
      }
    }
    if (bytesOnDisk + n > budgetBytes) {
      return false;
    }
    bytesOnDisk += n;
    prepared.bytes += n;
    return true;
  }

  private synchronized void drop(String exportUuid, Prepared prepared) {
    if (files.get(exportUuid) == prepared) {
      files.remove(exportUuid);
    }
    forget(prepared);
  }

  /** Called holding the lock: the file's bytes leave the budget and the disk. */
  private void forget(Prepared prepared) {
    if (prepared.dropped) {
      return;
    }
    prepared.dropped = true;
    prepared.ready = false;
    bytesOnDisk -= prepared.bytes;
    prepared.bytes = 0;
    // A download reading it keeps its open handle; the name goes now.
    deleteQuietly(prepared.path);
  }

  /** The folder of this sandbox's prepared files, made on first use; null if it cannot be. */
  private Path folder() {
    if (folder == null && !closed) {
      try {
        folder = Files.createTempDirectory(parent, "exports-sandbox-files-");
      } catch (IOException | RuntimeException unwritable) {
        closed = true; // a read-only disk: every file is printed while it is downloaded
      }
    }
    return folder;
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // a folder still holding a file being written: the writer deletes its file when it fails
    }
  }

  /** One file being or having been prepared. Mutable fields guarded by the outer lock. */
  private static final class Prepared {
    final ExportQuery query;
    final Instant asOf;
    final Path path;
    volatile boolean ready;
    boolean dropped;
    long bytes;

    Prepared(ExportQuery query, Instant asOf, Path path) {
      this.query = query;
      this.asOf = asOf;
      this.path = path;
    }

    boolean isFor(ExportQuery query, Instant asOf) {
      return this.query.equals(query) && this.asOf.equals(asOf);
    }
  }

  /** Writes a file while its budget allows; fails (and the file is dropped) once it does not. */
  private final class Budgeted extends FilterOutputStream {
    private final Prepared prepared;

    Budgeted(OutputStream out, Prepared prepared) {
      super(out);
      this.prepared = prepared;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (!reserve(prepared, length)) {
        throw new IOException("no room left for prepared files, or the file was released");
      }
      out.write(bytes, offset, length);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
