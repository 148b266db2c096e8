package pelcro.exports.sandbox.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An InputStream that produces its bytes on demand: when its current chunk is drained, it asks
 * {@link #produce} for the next one. No whole file: memory stays at a chunk (or, for a {@link
 * PartedCsvStream}, at the few parts printed ahead).
 */
abstract class ChunkedInputStream extends InputStream {
  /** A buffer whose bytes can be read in place. */
  static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(64 * 1024);
    }

    int capacity() {
      return buf.length;
    }

    byte[] bytes() {
      return buf;
    }
  }

  private static final byte[] EMPTY = new byte[0];
  private final Buffer buffer = new Buffer();
  private byte[] chunk = EMPTY;
  private boolean served;
  private int limit;
  private int position;
  private boolean finished;
  private int largestChunk;
  private boolean closed;
  private IOException failure;

  /** The sink the subclass writes a chunk to (its writers flushed). */
  protected final Buffer sink() {
    return buffer;
  }

  /**
   * Writes the next chunk to {@link #sink()}, or hands a ready one to {@link #serve}.
   *
   * @return false once the content is complete (the last chunk may still be in the sink)
   */
  protected abstract boolean produce() throws IOException;

  /**
   * Makes the first {@code length} bytes of {@code bytes} the next chunk as they are, instead of
   * the sink: saves a copy.
   */
  protected final void serve(byte[] bytes, int length) {
    chunk = bytes;
    limit = length;
    served = true;
  }

  /** The largest chunk this stream has held, in bytes: for tests of memory. */
  int largestChunk() {
    return Math.max(largestChunk, buffer.capacity());
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    ensureOpen();
    if (length == 0) {
      return 0;
    }
    while (position >= limit) {
      if (finished) {
        return -1;
      }
      next();
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(chunk, position, target, offset, n);
    position += n;
    return n;
  }

  /**
   * Writes each chunk straight from where it lies: InputStream's default copies through an 8 KiB
   * array, so a server (WireMock calls transferTo) paid one more copy and many small writes.
   */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    ensureOpen();
    long total = 0;
    while (true) {
      int n = limit - position;
      if (n > 0) {
        out.write(chunk, position, n);
        position += n;
        total += n;
      }
      if (finished) {
        return total;
      }
      next();
    }
  }

  /** Drops the chunk held; reading afterwards fails, as for any closed stream. */
  @Override
  public void close() throws IOException {
    closed = true;
    chunk = EMPTY;
    limit = 0;
    position = 0;
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("Stream closed");
    }
    if (failure != null) {
      // A chunk that failed is gone: going on would hand out a file with rows missing.
      throw new IOException("The file's content failed earlier", failure);
    }
  }

  private void next() throws IOException {
    buffer.reset();
    chunk = EMPTY;
    limit = 0;
    position = 0;
    served = false;
    try {
      finished = !produce();
    } catch (IOException | RuntimeException | Error e) {
      failure = e instanceof IOException io ? io : new IOException(e);
      throw e;
    }
    if (!served) {
      chunk = buffer.bytes();
      limit = buffer.size();
    }
    largestChunk = Math.max(largestChunk, limit);
  }
}
