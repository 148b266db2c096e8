package pelcro.exports.sandbox.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Seeded pools of fake values (names, streets, companies...), drawn once from Datafaker.
 *
 * <p>Records index into the pools instead of calling Datafaker per row: the data stays realistic
 * and the same seed gives the same pools, while a row costs a few array reads (the benchmark's
 * 500,000 rows/s would not survive a Faker call per field).
 *
 * <p>Drawing them takes Datafaker seconds (its YAML files, then 28,000 draws), which the start of a
 * sandbox would wait for. So the build draws the default seed's pools once and ships them in the
 * jar ({@link PoolsSnapshot}); a sandbox on that seed reads them in milliseconds, and any other
 * seed draws its own. Both give the same strings: the snapshot is Datafaker's output.
 */
final class Pools {
  static final int SIZE = 2048;

  /** How many pools are drawn (the slugs are derived from the names). */
  private static final int DRAWN = 12;

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
  private static final Map<Long, Pools> BY_SEED = new ConcurrentHashMap<>();

  /** The pools of {@code seed}: the build's snapshot when there is one, else drawn now. */
  static Pools of(long seed) {
    return BY_SEED.computeIfAbsent(
        seed,
        s -> {
          Pools shipped = PoolsSnapshot.read(s);
          return shipped != null ? shipped : drawn(s);
        });
  }

  /** The pools of {@code seed} drawn from Datafaker (the snapshot's source). */
  static Pools drawn(long seed) {
    Faker faker = new Faker(Locale.US, new Random(seed));
    return new Pools(
        new String[][] {
          draw(() -> faker.name().firstName()),
          draw(() -> faker.name().lastName()),
          draw(() -> faker.internet().domainName()),
          draw(() -> faker.phoneNumber().cellPhone()),
          draw(() -> faker.company().name()),
          draw(() -> faker.company().industry()),
          draw(() -> faker.address().streetAddress()),
          draw(() -> faker.address().city()),
          draw(() -> faker.address().stateAbbr()),
          draw(() -> faker.address().zipCode()),
          draw(() -> faker.commerce().productName()),
          draw(() -> faker.commerce().department())
        });
  }

  private Pools(String[][] drawn) {
    firstNames = drawn[0];
    lastNames = drawn[1];
    firstSlugs = slugs(firstNames);
    lastSlugs = slugs(lastNames);
    domains = drawn[2];
    phones = drawn[3];
    companies = drawn[4];
    industries = drawn[5];
    streets = drawn[6];
    cities = drawn[7];
    states = drawn[8];
    postalCodes = drawn[9];
    productNames = drawn[10];
    campaignWords = drawn[11];
  }

  private String[][] drawnPools() {
    return new String[][] {
      firstNames,
      lastNames,
      domains,
      phones,
      companies,
      industries,
      streets,
      cities,
      states,
      postalCodes,
      productNames,
      campaignWords
    };
  }

  /** Writes the drawn pools (the slugs are derived again on reading). */
  void write(OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    String[][] pools = drawnPools();
    data.writeInt(pools.length);
    data.writeInt(SIZE);
    for (String[] pool : pools) {
      for (String value : pool) {
        data.writeUTF(value);
      }
    }
    data.flush();
  }

  /** Reads what {@link #write} wrote. */
  static Pools read(InputStream in) {
    try {
      DataInputStream data = new DataInputStream(in);
      int pools = data.readInt();
      int size = data.readInt();
      if (pools != DRAWN || size != SIZE) {
        throw new IOException("a snapshot of " + pools + " pools of " + size + " values");
      }
      String[][] drawn = new String[pools][size];
      for (String[] pool : drawn) {
        for (int i = 0; i < size; i++) {
          pool[i] = data.readUTF();
        }
      }
      return new Pools(drawn);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
