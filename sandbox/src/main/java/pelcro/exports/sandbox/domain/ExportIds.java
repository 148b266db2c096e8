package pelcro.exports.sandbox.domain;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes export uuids that sort by creation time, like the vendor's (the events show version-6
 * uuids); the sandbox uses the standard time-ordered layout, version 7 (RFC 9562).
 */
public final class ExportIds {
  /**
   * One strong generator per thread: an export uuid is half of what a download needs, so it must
   * not be guessable, but the default SecureRandom is one source behind one lock, which every
   * thread answering a POST queued on. DRBG instances keep their own state.
   */
  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(ExportIds::strong);

  private ExportIds() {}

  /** A version-7 uuid for an export created at {@code createdAt}. */
  public static String next(Instant createdAt) {
    long millis = Math.max(0, createdAt.toEpochMilli());
    SecureRandom random = RANDOM.get();
    long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static SecureRandom strong() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom(); // the SUN provider has had DRBG since Java 9; any other runtime
    }
  }
}
