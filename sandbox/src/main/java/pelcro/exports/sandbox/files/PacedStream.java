package pelcro.exports.sandbox.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A file stream as a download fault delivers it: it breaks after {@code cutAfterBytes} (as a
 * dropped connection does), or it gives at most {@code bytesPerSecond} (as a slow link does).
 */
public final class PacedStream extends FilterInputStream {
  private final long cutAfterBytes;
  private final long bytesPerSecond;
  private final long started = System.nanoTime();
  private long given;

  /**
   * @param cutAfterBytes bytes given before the stream breaks, or -1 for never
   * @param bytesPerSecond the pace, or 0 for as fast as it is read
   */
  public PacedStream(InputStream in, long cutAfterBytes, long bytesPerSecond) {
    super(in);
    this.cutAfterBytes = cutAfterBytes;
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (cutAfterBytes >= 0 && given >= cutAfterBytes) {
      throw new IOException("The connection was cut (a scheduled download fault)");
    }
    int allowed = len;
    if (cutAfterBytes >= 0) {
      allowed = (int) Math.min(allowed, cutAfterBytes - given);
    }
    if (bytesPerSecond > 0) {
      allowed = (int) Math.min(allowed, Math.max(1, bytesPerSecond / 10)); // a tenth of a second
      pace();
    }
    int n = super.read(b, off, Math.max(1, allowed));
    if (n > 0) {
      given += n;
    }
    return n;
  }

  /** Waits until the bytes given so far are no more than the pace allows. */
  private void pace() throws IOException {
    long due = started + given * 1_000_000_000L / bytesPerSecond;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }
}
