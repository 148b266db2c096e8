package pelcro.exports.contract.support;

import java.util.List;
import java.util.Locale;
import pelcro.exports.contract.support.CoverageLedger.Entry;
import pelcro.exports.contract.support.CoverageLedger.Outcome;

/**
 * The run's test counts, in the one wording used by the console, the summary file and (in its own
 * format) the JUnit XML: skipped includes aborted tests, and the line says how many.
 *
 * @param skipped tests that did not run to a verdict, aborted ones included
 * @param aborted of the skipped, those stopped by a failed assumption
 */
public record Tally(long passed, long failed, long skipped, long aborted) {

  public static Tally of(List<Entry> entries) {
    long[] c = new long[3];
    entries.forEach(e -> c[e.outcome().column()]++);
    return new Tally(
        c[0], c[1], c[2], entries.stream().filter(e -> e.outcome() == Outcome.ABORTED).count());
  }

  public long total() {
    return passed + failed + skipped;
  }

  /** {@code tests: 171 passed, 0 failed, 6 skipped (1 of them aborted)}. */
  public String line() {
    return String.format(
        Locale.ROOT,
        "tests: %d passed, %d failed, %d skipped%s",
        passed,
        failed,
        skipped,
        aborted == 0 ? "" : " (" + aborted + " of them aborted)");
  }
}
