package pelcro.exports.sandbox.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text Commons CSV prints into, kept as UTF-8 bytes from the start.
 *
 * <p>Why: a StringBuilder turned into bytes with {@code toString().getBytes(UTF_8)} would copy
 * every part of a file twice more, hundreds of MB of garbage per million-row file (figures in
 * docs/performance.md). ASCII characters, all of a file's structure and nearly all of its values,
 * are stored as they come; anything else is encoded by the JDK's UTF-8 encoder, so the bytes equal
 * {@code String.getBytes(UTF_8)} of the same text. (Commons CSV appends a value whole or cut at its
 * quote characters, so a surrogate pair is never split between two calls.)
 */
final class Utf8Text implements Appendable {
  private byte[] bytes;
  private int size;

  Utf8Text(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public Utf8Text append(char c) {
    if (c < 0x80) {
      ensure(1);
      bytes[size++] = (byte) c;
      return this;
    }
    return encoded(String.valueOf(c));
  }

  @Override
  public Utf8Text append(CharSequence text) {
    CharSequence s = text == null ? "null" : text;
    return append(s, 0, s.length());
  }

  @Override
  public Utf8Text append(CharSequence text, int start, int end) {
    CharSequence s = text == null ? "null" : text;
    ensure(end - start);
    byte[] b = bytes;
    int n = size;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size = n;
        return encoded(s.subSequence(i, end).toString());
      }
      b[n++] = (byte) c;
    }
    size = n;
    return this;
  }

  /** Bytes held. */
  int size() {
    return size;
  }

  /** Forgets the bytes held, keeping the array for the next batch. */
  void reset() {
    size = 0;
  }

  /** The bytes held, in an array of their exact length. */
  byte[] toBytes() {
    return Arrays.copyOf(bytes, size);
  }

  /** The array the bytes lie in (its first {@link #size()} bytes); valid until the next append. */
  byte[] array() {
    return bytes;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  private Utf8Text encoded(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length);
    System.arraycopy(utf8, 0, bytes, size, utf8.length);
    size += utf8.length;
    return this;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
