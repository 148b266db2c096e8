package pelcro.exports.attack;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The seeded choices of the generator: a seed gives the same requests, ids included. */
final class Dice {
  private final SplittableRandom random;

  Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  int nextInt(int from, int to) {
    return random.nextInt(from, to);
  }

  long nextLong() {
    return random.nextLong();
  }

  long nextLong(long from, long to) {
    return random.nextLong(from, to);
  }

  boolean nextBoolean() {
    return random.nextBoolean();
  }

  SplittableRandom random() {
    return random;
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A version-4 uuid from the seeded random. */
  UUID uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
