package pelcro.exports.sandbox.lint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lint's findings, per account and rule: the one place they are kept.
 *
 * <p>Bounded: an account holds at most one finding per rule, and the ledger holds at most
 * {@link #MAX_ACCOUNTS} accounts (the one whose findings changed longest ago goes first). Its
 * state is plain values (ids, counts, epoch seconds), ready to move behind a store.
 */
public final class LintLedger {
  static final int MAX_ACCOUNTS = 4096;
  private static final int MAX_DETAIL = 200;

  // Access-ordered: the eldest entry is the account recorded longest ago.
  private final Map<Long, Map<String, LintFinding>> byAccount =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, LintFinding>> eldest) {
          return size() > MAX_ACCOUNTS;
        }
      };

  /** Counts one occurrence of {@code rule} by the account at {@code at}. */
  public synchronized void record(long accountId, LintRule rule, String detail, Instant at) {
    long second = at.getEpochSecond();
    String shortDetail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    byAccount.computeIfAbsent(accountId, id -> new LinkedHashMap<>()).merge(rule.id(),
        new LintFinding(accountId, rule.id(), 1, second, second, shortDetail),
        (old, fresh) -> old.again(second, shortDetail));
  }

  /**
   * The findings, by account then rule table order; {@code accountId} and {@code rule} filter
   * when not null.
   */
  public synchronized List<LintFinding> findings(Long accountId, String rule) {
    List<LintFinding> found = new ArrayList<>();
    byAccount.values().forEach(rules -> rules.values().stream()
        .filter(f -> accountId == null || f.accountId() == accountId)
        .filter(f -> rule == null || f.rule().equals(rule))
        .forEach(found::add));
    found.sort(Comparator.comparingLong(LintFinding::accountId)
        .thenComparing(f -> LintRule.byId(f.rule()).map(Enum::ordinal).orElse(-1)));
    return found;
  }

  /** Forgets one account's findings (an evicted Try-it tenant). */
  public synchronized void forget(long accountId) {
    byAccount.remove(accountId);
  }

  /** Forgets every finding (control API reset). */
  public synchronized void clear() {
    byAccount.clear();
  }
}
