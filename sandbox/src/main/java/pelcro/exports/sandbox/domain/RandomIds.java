package pelcro.exports.sandbox.domain;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random ids that name something and guard nothing (journal entries, download claims, transfer
 * tokens), drawn from the calling thread's generator.
 *
 * <p>Why not {@link UUID#randomUUID()}: it draws from one shared SecureRandom behind a lock, and
 * with an id per request every request thread queued on that lock (seen with perf under
 * bin/benchmark-api's load). Ids a client could guess to its advantage, the export uuids, stay with
 * {@link ExportIds}.
 */
public final class RandomIds {
  private RandomIds() {}

  /**
   * A version-4 UUID (RFC 9562) whose 122 free bits come from the thread's generator: unique enough
   * to name things (a 64-bit state per thread, seeded apart), not meant to be unguessable.
   */
  public static UUID uuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low);
  }
}
