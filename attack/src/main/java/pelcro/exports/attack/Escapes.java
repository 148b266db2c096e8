package pelcro.exports.attack;

/** Bytes as printable text for reports: reproductions must show exactly what was sent. */
public final class Escapes {
  private Escapes() {}

  /**
   * ASCII printables as they are, {@code \r \n \t} escaped, any other byte as {@code \xNN}; cut
   * after {@code max} bytes with the total length.
   */
  public static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder();
    int n = Math.min(bytes.length, max);
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      switch (b) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7f) {
            out.append((char) b);
          } else {
            out.append(String.format("\\x%02x", b));
          }
        }
      }
    }
    if (bytes.length > max) {
      out.append("… (").append(bytes.length).append(" bytes in all)");
    }
    return out.toString();
  }
}
