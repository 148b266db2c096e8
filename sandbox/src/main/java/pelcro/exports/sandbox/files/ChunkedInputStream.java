package pelcro.exports.sandbox.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An InputStream that produces its bytes on demand: when its small buffer is drained, it asks
 * {@link #produce} for the next batch. No thread and no whole file: memory stays at one batch.
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

  private final Buffer buffer = new Buffer();
  private int position;
  private boolean finished;

  /** The sink the subclass writes batches to. */
  protected final Buffer sink() {
    return buffer;
  }

  /**
   * Writes the next batch to {@link #sink()} (its writers flushed).
   *
   * @return false once the content is complete (the last batch may still be in the sink)
   */
  protected abstract boolean produce() throws IOException;

  /** The buffer's capacity in bytes: what this stream holds at most, for tests of memory. */
  int bufferCapacity() {
    return buffer.capacity();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (position >= buffer.size()) {
      if (finished) {
        return -1;
      }
      buffer.reset();
      position = 0;
      finished = !produce();
    }
    int n = Math.min(length, buffer.size() - position);
    System.arraycopy(buffer.bytes(), position, target, offset, n);
    position += n;
    return n;
  }

  /**
   * Writes each batch straight from the buffer: InputStream's default copies through an 8 KiB
   * array, so a server (WireMock calls transferTo) paid one more copy and six small writes a batch.
   */
  @Override
  public long transferTo(OutputStream out) throws IOException {
    long total = 0;
    while (true) {
      int n = buffer.size() - position;
      if (n > 0) {
        out.write(buffer.bytes(), position, n);
        position += n;
        total += n;
      }
      if (finished) {
        return total;
      }
      buffer.reset();
      position = 0;
      finished = !produce();
    }
  }
}
