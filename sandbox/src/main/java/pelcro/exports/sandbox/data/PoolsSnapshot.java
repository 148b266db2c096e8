package pelcro.exports.sandbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build's snapshot of the default seed's {@link Pools}, a resource of the jar: made by {@link
 * #main} while the sandbox is built (never committed), read when a sandbox starts on that seed, so
 * that its start does not wait for Datafaker.
 */
public final class PoolsSnapshot {
  /**
   * The seed whose pools the build ships: the sandbox's default ({@code --seed}; the data package
   * does not see the options, PoolsSnapshotTest checks that the two agree).
   */
  static final long SHIPPED_SEED = 42;

  private PoolsSnapshot() {}

  /** The resource's name for {@code seed}, beside this class. */
  static String resource(long seed) {
    return "pools-" + seed + ".bin";
  }

  /** The shipped pools of {@code seed}, or null when the build made none for it. */
  static Pools read(long seed) {
    try (InputStream in = PoolsSnapshot.class.getResourceAsStream(resource(seed))) {
      return in == null ? null : Pools.read(in);
    } catch (IOException e) {
      return null; // drawing them again gives the same pools
    }
  }

  /**
   * Writes the snapshot into the classes folder given as the only argument (the build's {@code
   * process-classes} step).
   */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0], PoolsSnapshot.class.getPackageName().replace('.', '/'));
    Files.createDirectories(folder);
    try (OutputStream out = Files.newOutputStream(folder.resolve(resource(SHIPPED_SEED)))) {
      Pools.drawn(SHIPPED_SEED).write(out);
    }
  }
}
