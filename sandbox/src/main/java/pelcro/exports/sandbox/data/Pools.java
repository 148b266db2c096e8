package pelcro.exports.sandbox.data;

import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Seeded pools of fake values (names, streets, companies...), drawn once from Datafaker.
 *
 * <p>Records index into the pools instead of calling Datafaker per row: the data stays realistic
 * and the same seed gives the same pools, while a row costs a few array reads (the benchmark's
 * 500,000 rows/s would not survive a Faker call per field).
 */
final class Pools {
  static final int SIZE = 2048;

  final String[] firstNames;
  final String[] lastNames;
  final String[] firstSlugs;
  final String[] lastSlugs;
  final String[] domains;
  final String[] phones;
  final String[] companies;
  final String[] industries;
  final String[] streets;
  final String[] cities;
  final String[] states;
  final String[] postalCodes;
  final String[] productNames;
  final String[] campaignWords;

  /** Pools depend on the seed alone: one set per seed serves every sandbox of this JVM. */
  private static final java.util.Map<Long, Pools> BY_SEED = new java.util.concurrent.ConcurrentHashMap<>();

  /** The pools of {@code seed}, drawn on first use (Datafaker takes a second or more). */
  static Pools of(long seed) {
    return BY_SEED.computeIfAbsent(seed, Pools::new);
  }

  private Pools(long seed) {
    Faker faker = new Faker(Locale.US, new Random(seed));
    firstNames = draw(() -> faker.name().firstName());
    lastNames = draw(() -> faker.name().lastName());
    firstSlugs = slugs(firstNames);
    lastSlugs = slugs(lastNames);
    domains = draw(() -> faker.internet().domainName());
    phones = draw(() -> faker.phoneNumber().cellPhone());
    companies = draw(() -> faker.company().name());
    industries = draw(() -> faker.company().industry());
    streets = draw(() -> faker.address().streetAddress());
    cities = draw(() -> faker.address().city());
    states = draw(() -> faker.address().stateAbbr());
    postalCodes = draw(() -> faker.address().zipCode());
    productNames = draw(() -> faker.commerce().productName());
    campaignWords = draw(() -> faker.commerce().department());
  }

  /** The pool entry for a hash. */
  static String at(String[] pool, long bits) {
    return pool[(int) ((bits >>> 1) % pool.length)];
  }

  /** Lowercase ASCII letters and digits only, for the local part of an email address. */
  private static String[] slugs(String[] names) {
    String[] slugs = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      slugs[i] = names[i].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
    return slugs;
  }

  private static String[] draw(Supplier<String> faker) {
    String[] pool = new String[SIZE];
    for (int i = 0; i < SIZE; i++) {
      pool[i] = faker.get();
    }
    return pool;
  }
}
