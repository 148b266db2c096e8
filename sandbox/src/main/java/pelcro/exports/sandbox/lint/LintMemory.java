package pelcro.exports.sandbox.lint;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the lint's time rules compare against: per account, when a named fact last happened
 * ("not-ready:&lt;uuid&gt;", "delivered:&lt;uuid&gt;", "refused:&lt;type&gt;", "retry-after").
 *
 * <p>Bounded: {@link #MAX_FACTS} facts per account (the oldest goes first) and
 * {@link LintLedger#MAX_ACCOUNTS} accounts. A forgotten fact only means a finding is missed,
 * never that an answer changes. State is plain values (keys and epoch milliseconds).
 */
public final class LintMemory {
  static final int MAX_FACTS = 256;

  private final Map<Long, Map<String, Long>> byAccount =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Map<String, Long>> eldest) {
          return size() > LintLedger.MAX_ACCOUNTS;
        }
      };

  /** Notes that {@code fact} happened (or, for a deadline, ends) at {@code at}. */
  public synchronized void remember(long accountId, String fact, Instant at) {
    Map<String, Long> facts = byAccount.computeIfAbsent(accountId, id ->
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_FACTS;
          }
        });
    facts.put(fact, at.toEpochMilli());
  }

  /** When {@code fact} last happened, if it is still remembered. */
  public synchronized Optional<Instant> recall(long accountId, String fact) {
    Map<String, Long> facts = byAccount.get(accountId);
    Long at = facts == null ? null : facts.get(fact);
    return Optional.ofNullable(at).map(Instant::ofEpochMilli);
  }

  /** Forgets one account's facts. */
  public synchronized void forget(long accountId) {
    byAccount.remove(accountId);
  }

  /** Forgets everything (control API reset). */
  public synchronized void clear() {
    byAccount.clear();
  }
}
