package pelcro.exports.sandbox.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Makes export uuids that sort by creation time, like the vendor's (the events show version-6
 * uuids); the sandbox uses the standard time-ordered layout, version 7 (RFC 9562).
 */
public final class ExportIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ExportIds() {}

  /** A version-7 uuid for an export created at {@code createdAt}. */
  public static String next(Instant createdAt) {
    long millis = Math.max(0, createdAt.toEpochMilli());
    long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
