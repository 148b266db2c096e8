package pelcro.exports.sandbox.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the sandbox runs with by default: {@code bin/lib/java-options}, which the build
 * copies into the jar and the container image copies to {@code /app/java-options}. Read by the
 * launching JVM, so written without lambdas or regular expressions (see {@link Launcher}).
 */
final class JvmDefaults {
  /** The file's place in the jar, beside this class. */
  static final String RESOURCE = "java-options";

  private JvmDefaults() {}

  /** The options, one per line of the file, without its comments and blank lines. */
  static List<String> all() {
    List<String> options = new ArrayList<>();
    try (InputStream in = JvmDefaults.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return options;
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String option = line.strip();
        if (!option.isEmpty() && !option.startsWith("#")) {
          options.add(option);
        }
      }
      return options;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The defaults that {@code userOptions} leave room for. The user's options come after these, so
   * that an option given twice is theirs; two kinds would stop the JVM instead, and are left out
   * when the user gives one: a collector when the user chose another, and the initial heap when the
   * user sized the heap ({@code -Xmx16m} below the default {@code -Xms32m}).
   */
  static List<String> withoutConflicts(List<String> userOptions) {
    boolean collector = false;
    boolean heap = false;
    for (String option : userOptions) {
      collector |= choosesCollector(option);
      heap |= sizesHeap(option);
    }
    List<String> kept = new ArrayList<>();
    for (String option : all()) {
      if (!(collector && choosesCollector(option)) && !(heap && sizesHeap(option))) {
        kept.add(option);
      }
    }
    return kept;
  }

  private static boolean choosesCollector(String option) {
    return (option.startsWith("-XX:+Use") || option.startsWith("-XX:-Use"))
        && option.endsWith("GC");
  }

  private static boolean sizesHeap(String option) {
    return option.startsWith("-Xms") || option.startsWith("-Xmx");
  }
}
