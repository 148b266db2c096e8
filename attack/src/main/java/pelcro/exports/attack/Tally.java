package pelcro.exports.attack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts what the harness sent and what came back, thread-safe, and keeps the first reproduction of
 * each kind of broken rule (per rule and case) for the report.
 */
public final class Tally {
  private static final int MAX_FINDINGS = 5000;

  /**
   * One case that broke rules: its first request, its answer, the rules, how often.
   *
   * @param brokenRules the rules the case broke, added to as it breaks more
   * @param times how often it broke them
   */
  public record Finding(
      String caseName, String request, String answer, Set<Rule> brokenRules, LongAdder times) {
    Finding(String caseName, String request, String answer) {
      this(caseName, request, answer, ConcurrentHashMap.newKeySet(), new LongAdder());
    }

    /** The rules this case broke, in the catalogue's order. */
    public Set<Rule> rules() {
      return java.util.EnumSet.copyOf(brokenRules);
    }

    public long count() {
      return times.sum();
    }
  }

  private final LongAdder requests = new LongAdder();
  private final LongAdder cut = new LongAdder();
  private final Map<Rule, LongAdder> broken = new EnumMap<>(Rule.class);
  private final Map<Answer.Failure, LongAdder> failures = new EnumMap<>(Answer.Failure.class);
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final Map<String, Finding> findings = new ConcurrentHashMap<>();
  private final Map<String, LongAdder[]> timeByCase = new ConcurrentHashMap<>();

  public Tally() {
    for (Rule r : Rule.values()) {
      broken.put(r, new LongAdder());
    }
    for (Answer.Failure f : Answer.Failure.values()) {
      failures.put(f, new LongAdder());
    }
  }

  /** One request and its answer, with the rules it broke. */
  public void record(String caseName, Supplier<String> request, Answer answer, Set<Rule> rules) {
    requests.increment();
    failures.get(answer.failure()).increment();
    if (timeByCase.size() < MAX_FINDINGS || timeByCase.containsKey(caseName)) {
      LongAdder[] time =
          timeByCase.computeIfAbsent(
              caseName, k -> new LongAdder[] {new LongAdder(), new LongAdder()});
      time[0].increment();
      time[1].add(answer.nanos());
    }
    if (answer.cut()) {
      cut.increment();
    }
    if (answer.answered()) {
      statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
    }
    if (!rules.isEmpty()) {
      rules.forEach(r -> broken.get(r).increment());
      finding(caseName, request, answer.summary(), rules);
    }
  }

  /** A rule broken outside a single answer (a state change, a slow scenario). */
  public void broken(Rule rule, String caseName, Supplier<String> request, String what) {
    broken.get(rule).increment();
    finding(caseName + " [" + rule + "]", request, what, Set.of(rule));
  }

  /** One finding per case and set of broken rules, so each combination keeps its own example. */
  private void finding(String caseName, Supplier<String> request, String what, Set<Rule> rules) {
    String key = caseName + " " + rules;
    Finding finding = findings.get(key);
    if (finding == null && findings.size() < MAX_FINDINGS) {
      finding = findings.computeIfAbsent(key, k -> new Finding(caseName, request.get(), what));
    }
    if (finding != null) {
      finding.brokenRules().addAll(rules);
      finding.times().increment();
    }
  }

  public long requests() {
    return requests.sum();
  }

  public long count(Rule rule) {
    return broken.get(rule).sum();
  }

  public long failures(Answer.Failure failure) {
    return failures.get(failure).sum();
  }

  /** Requests with no whole answer: refused, closed or reset, timed out, garbled, body cut off. */
  public long connectionErrors() {
    return cut.sum()
        + failures.entrySet().stream()
            .filter(e -> e.getKey() != Answer.Failure.NONE)
            .mapToLong(e -> e.getValue().sum())
            .sum();
  }

  /** Status → count, in status order. */
  public Map<Integer, Long> statuses() {
    Map<Integer, Long> out = new TreeMap<>();
    statuses.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Every rule broken at least once. */
  public long violations() {
    return broken.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The findings, most frequent first. */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>(findings.values());
    out.sort(Comparator.comparing((Finding f) -> -f.count()).thenComparing(Finding::caseName));
    return out;
  }

  /**
   * The cases that took the most time in all, with their count and mean: slow inputs are DoS
   * vectors.
   */
  public String slowest(int n) {
    StringBuilder out = new StringBuilder();
    timeByCase.entrySet().stream()
        .sorted(Comparator.comparing(e -> -e.getValue()[1].sum()))
        .limit(n)
        .forEach(
            e ->
                out.append(
                    String.format(
                        "  %-60s %,8d x, %,9.1f ms mean, %,8.1f s in all%n",
                        e.getKey(),
                        e.getValue()[0].sum(),
                        e.getValue()[1].sum() / 1e6 / e.getValue()[0].sum(),
                        e.getValue()[1].sum() / 1e9)));
    return out.toString();
  }

  /** The counts in a few lines. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "requests sent %,d; 5xx %,d; non-JSON %,d; no message %,d; redirects %,d;"
                + " internals %,d; secrets %,d; unanswered complete requests %,d; state changes %,d%n",
            requests(),
            count(Rule.SERVER_ERROR),
            count(Rule.NOT_JSON),
            count(Rule.NO_MESSAGE),
            count(Rule.REDIRECT),
            count(Rule.INTERNALS),
            count(Rule.SECRET),
            count(Rule.NO_ANSWER),
            count(Rule.STATE_CHANGED)));
    out.append(
        String.format(
            "connection errors %,d (refused %,d, closed/reset %,d, timed out %,d, garbled %,d,"
                + " body cut off %,d)%n",
            connectionErrors(),
            failures(Answer.Failure.CONNECT),
            failures(Answer.Failure.CLOSED),
            failures(Answer.Failure.TIMEOUT),
            failures(Answer.Failure.MALFORMED),
            cut.sum()));
    out.append("statuses ").append(statuses()).append('\n');
    return out.toString();
  }

  /** Each case that broke a rule, with its first reproduction; at most {@code max} cases. */
  public String report(int max) {
    StringBuilder out = new StringBuilder();
    List<Finding> all = findings();
    for (Finding f : all.subList(0, Math.min(max, all.size()))) {
      out.append(
          String.format(
              "-- %s: %s (%,d times)%n   sent:     %s%n   answered: %s%n",
              f.caseName(), f.rules(), f.count(), f.request(), f.answer()));
    }
    if (all.size() > max) {
      out.append(String.format("… and %d more cases%n", all.size() - max));
    }
    return out.toString();
  }
}
