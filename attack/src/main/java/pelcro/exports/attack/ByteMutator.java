package pelcro.exports.attack;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damages the bytes of a well-formed request (flips, cuts, repeats, inserted CR/LF, NUL and high
 * bytes), then half-closes: protocol garbage with a random shape, seeded.
 */
public final class ByteMutator {
  private static final byte[][] INSERTS = {
    {'\r', '\n'},
    {'\n'},
    {'\r'},
    {0},
    {(byte) 0xff},
    {(byte) 0xc3, (byte) 0x28},
    {':'},
    {' '},
    {'\r', '\n', '\r', '\n'},
    {'0', '\r', '\n', '\r', '\n'},
    {'%'},
    {'\t'}
  };

  private final SplittableRandom random;

  public ByteMutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A damaged copy of {@code request}, as a script that sends it and half-closes. */
  public RawScript mutate(String name, byte[] request, String method, String path) {
    byte[] bytes = request;
    int times = 1 + random.nextInt(4);
    for (int i = 0; i < times && bytes.length > 0; i++) {
      int at = random.nextInt(bytes.length);
      bytes =
          switch (random.nextInt(5)) {
            case 0 -> flip(bytes, at);
            case 1 -> cut(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(16)));
            case 2 -> insert(bytes, at, INSERTS[random.nextInt(INSERTS.length)]);
            case 3 ->
                insert(
                    bytes,
                    at,
                    Arrays.copyOfRange(
                        bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(64))));
            default -> Arrays.copyOf(bytes, at);
          };
    }
    return new RawScript(
        name, List.of(new RawScript.Write(bytes), new RawScript.HalfClose()), false, method, path);
  }

  private byte[] flip(byte[] bytes, int at) {
    byte[] out = bytes.clone();
    out[at] = (byte) random.nextInt(256);
    return out;
  }

  private static byte[] cut(byte[] bytes, int from, int to) {
    byte[] out = new byte[bytes.length - (to - from)];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(bytes, to, out, from, bytes.length - to);
    return out;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] what) {
    byte[] out = new byte[bytes.length + what.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(bytes, at, out, at + what.length, bytes.length - at);
    return out;
  }
}
