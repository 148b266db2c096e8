package pelcro.exports.sandbox.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * A finished export's file, opened lazily so that it is streamed, never held whole in memory.
 *
 * @param fileName the name offered in {@code Content-Disposition}, e.g. {@code
 *     subscriptions-<uuid>.csv}
 * @param opener produces a fresh stream of the file's bytes on each call
 */
public record ExportFile(String fileName, Opener opener) {

  /** Opens the file's content; each call starts from the first byte. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }
}
