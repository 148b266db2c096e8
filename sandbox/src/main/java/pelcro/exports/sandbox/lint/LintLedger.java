package pelcro.exports.sandbox.lint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pelcro.exports.sandbox.store.LintStore;

/**
 * The lint's findings, per account and rule, kept in the store (so every node counts into one
 * ledger): at most one finding per account and rule, bounded in accounts by the store.
 */
public final class LintLedger {
  private static final int MAX_DETAIL = 200;

  private final LintStore store;

  public LintLedger(LintStore store) {
    this.store = store;
  }

  /** Counts one occurrence of {@code rule} by the account at {@code at}. */
  public void record(long accountId, LintRule rule, String detail, Instant at) {
    String shortDetail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
    store.record(accountId, rule.id(), shortDetail, at.getEpochSecond());
  }

  /**
   * The findings, by account then rule table order; {@code accountId} and {@code rule} filter when
   * not null.
   */
  public List<LintFinding> findings(Long accountId, String rule) {
    List<LintFinding> found = new ArrayList<>();
    store
        .findings(accountId)
        .forEach(
            (account, findings) ->
                findings.stream()
                    .filter(f -> rule == null || f.rule().equals(rule))
                    .forEach(
                        f ->
                            found.add(
                                new LintFinding(
                                    account,
                                    f.rule(),
                                    f.count(),
                                    f.firstAt(),
                                    f.lastAt(),
                                    f.detail()))));
    found.sort(
        Comparator.comparingLong(LintFinding::accountId)
            .thenComparing(f -> LintRule.byId(f.rule()).map(Enum::ordinal).orElse(-1)));
    return found;
  }

  /** Forgets one account's findings. */
  public void forget(long accountId) {
    store.forget(accountId);
  }

  /** Forgets every finding (control API reset). */
  public void clear() {
    store.clear();
  }
}
