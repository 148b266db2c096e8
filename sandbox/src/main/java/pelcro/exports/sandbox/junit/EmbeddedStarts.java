package pelcro.exports.sandbox.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The embedded-start benchmark: in one JVM, as a test run with many {@code @ExportsSandboxTest}
 * classes does, starts and closes the sandbox the extension gives each class, and prints how long
 * each start took (the first one pays the JVM's class loading and compilation; issue 27 asks the
 * later ones to cost at most 0.5 s).
 *
 * <p>Run: {@code java -cp sandbox/target/exports-sandbox.jar
 * pelcro.exports.sandbox.junit.EmbeddedStarts [classes]} (default 10).
 */
public final class EmbeddedStarts {
  private EmbeddedStarts() {}

  /** What a class annotated with the defaults gets. */
  @ExportsSandboxTest
  private static final class Defaults {}

  public static void main(String[] args) {
    int classes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    ExportsSandboxTest settings = Defaults.class.getAnnotation(ExportsSandboxTest.class);
    List<Long> later = new ArrayList<>();
    for (int i = 1; i <= classes; i++) {
      long started = System.nanoTime();
      ExportsSandboxExtension.Resource resource = ExportsSandboxExtension.start(settings);
      long startMs = (System.nanoTime() - started) / 1_000_000;
      long closing = System.nanoTime();
      resource.close();
      long closeMs = (System.nanoTime() - closing) / 1_000_000;
      System.out.printf(
          Locale.ROOT, "class %2d: start %5d ms, close %4d ms%n", i, startMs, closeMs);
      if (i > 1) {
        later.add(startMs + closeMs);
      }
    }
    later.sort(null);
    if (!later.isEmpty()) {
      System.out.printf(
          Locale.ROOT,
          "classes 2-%d, start + close: median %d ms, max %d ms%n",
          classes,
          later.get(later.size() / 2),
          later.get(later.size() - 1));
    }
  }
}
