package pelcro.exports.contract.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pelcro.exports.contract.support.CoverageLedger.Entry;
import pelcro.exports.contract.support.CoverageLedger.Outcome;

/**
 * Renders the ledger as text: the tally and the pacing, operation × documented status (statuses
 * read from the spec) with passed/failed/skipped test counts, then each documented behaviour, then
 * each failure, then why tests were skipped (aborted ones marked).
 */
public final class CoverageSummary {
  private CoverageSummary() {}

  /**
   * @param targetDescription the target's kind, URL and write permission
   * @param pacing the pacer's one-line report ({@link Pacer.Report#line()})
   */
  public static String render(List<Entry> entries, String targetDescription, String pacing) {
    StringBuilder out = new StringBuilder();
    out.append("Exports API contract summary\n");
    out.append("target: ").append(targetDescription).append('\n');
    out.append(Tally.of(entries).line()).append('\n');
    out.append(pacing).append("\n\n");

    out.append(
        String.format(
            "%-16s %-6s %7s %7s %8s  %s%n",
            "operation", "status", "passed", "failed", "skipped", "coverage"));
    int gaps = 0;
    int skippedOnly = 0;
    for (SpecOperations.Op op : SpecOperations.all()) {
      List<Integer> statuses = new ArrayList<>(op.statuses());
      // Statuses the deployment answered that the spec does not document show up too.
      entries.stream()
          .flatMap(e -> e.pairs().stream())
          .filter(p -> p.startsWith(op.id() + ":"))
          .map(p -> Integer.parseInt(p.substring(p.indexOf(':') + 1)))
          .filter(s -> !statuses.contains(s))
          .distinct()
          .sorted()
          .forEach(statuses::add);
      for (int status : statuses) {
        String pair = op.id() + ":" + status;
        int[] counts = new int[3];
        entries.stream()
            .filter(e -> e.pairs().contains(pair))
            .forEach(e -> counts[e.outcome().column()]++);
        String verdict;
        if (!op.statuses().contains(status)) {
          verdict = "UNDOCUMENTED STATUS";
        } else if (counts[0] + counts[1] + counts[2] == 0) {
          verdict = "NOT EXERCISED";
          gaps++;
        } else if (counts[1] > 0) {
          verdict = "FAILING";
        } else if (counts[0] > 0) {
          verdict = "ok";
        } else {
          verdict = "skipped only";
          skippedOnly++;
        }
        out.append(
            String.format(
                "%-16s %-6d %7d %7d %8d  %s%n",
                op.id(), status, counts[0], counts[1], counts[2], verdict));
      }
    }
    out.append(
            gaps == 0
                ? "every documented operation × status is covered by a test"
                : gaps + " documented operation × status pair(s) NOT EXERCISED")
        .append(skippedOnly == 0 ? "\n" : "; " + skippedOnly + " only by skipped tests\n");

    out.append("\nDocumented behaviours (tests passed/failed/skipped)\n");
    Map<String, int[]> byDoc = new TreeMap<>();
    for (Entry e : entries) {
      byDoc.computeIfAbsent(e.documented(), k -> new int[3])[e.outcome().column()]++;
    }
    byDoc.forEach(
        (doc, c) -> out.append(String.format("  %3d/%d/%d  %s%n", c[0], c[1], c[2], doc)));

    Map<String, String> failures = new LinkedHashMap<>();
    entries.stream()
        .filter(e -> e.outcome() == Outcome.FAILED)
        .forEach(e -> failures.put(e.name(), e.documented() + " — " + firstLine(e.reason())));
    if (!failures.isEmpty()) {
      out.append("\nFailures\n");
      failures.entrySet().stream()
          .limit(50)
          .forEach(
              f ->
                  out.append("  ")
                      .append(f.getKey())
                      .append("\n      ")
                      .append(f.getValue())
                      .append('\n'));
      if (failures.size() > 50) {
        out.append("  … and ")
            .append(failures.size() - 50)
            .append(" more (see the JUnit report)\n");
      }
    }
    Map<String, Integer> skipReasons = new TreeMap<>();
    entries.stream()
        .filter(e -> e.outcome().column() == Outcome.SKIPPED.column())
        .forEach(
            e ->
                skipReasons.merge(
                    (e.outcome() == Outcome.ABORTED ? "aborted: " : "") + firstLine(e.reason()),
                    1,
                    Integer::sum));
    if (!skipReasons.isEmpty()) {
      out.append("\nSkipped\n");
      skipReasons.forEach((why, n) -> out.append(String.format("  %3d  %s%n", n, why)));
    }
    return out.toString();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
