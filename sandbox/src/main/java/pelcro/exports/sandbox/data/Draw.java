package pelcro.exports.sandbox.data;

/**
 * The source of all randomness: a stateless hash of (seed, site, kind, index, field).
 *
 * <p>Every attribute of every record is one call, so record {@code i} is a pure function of its
 * coordinates: nothing is stored, a file can start anywhere, and memory does not grow with size.
 */
final class Draw {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long seed;

  Draw(long seed) {
    this.seed = seed;
  }

  /** A well-mixed 64-bit value for one field of one record. */
  long bits(long site, Kind kind, long index, int field) {
    long key = mix(seed ^ mix(site * 0xD1B54A32D192ED03L + kind.ordinal() + 1));
    return mix(key + index * GOLDEN + (field + 1L) * 0xAEF17502108EF2D9L);
  }

  /** A uniform int in {@code [0, bound)}. */
  int below(long site, Kind kind, long index, int field, int bound) {
    return (int) ((bits(site, kind, index, field) >>> 1) % bound);
  }

  /** A uniform long in {@code [0, bound)}. */
  long belowLong(long site, Kind kind, long index, int field, long bound) {
    return (bits(site, kind, index, field) >>> 1) % bound;
  }

  /** A uniform double in {@code [0, 1)}. */
  double unit(long site, Kind kind, long index, int field) {
    return (bits(site, kind, index, field) >>> 11) * 0x1.0p-53;
  }

  /** Whether an event of probability {@code percent}/100 happens. */
  boolean chance(long site, Kind kind, long index, int field, int percent) {
    return below(site, kind, index, field, 100) < percent;
  }

  /** SplitMix64's finaliser: cheap and statistically sound enough for test data. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
