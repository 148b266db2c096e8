package pelcro.exports.sandbox.lint;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import pelcro.exports.sandbox.store.LintStore;

/**
 * What the lint's time rules compare against: per account, when a named fact last happened
 * ("not-ready:&lt;uuid&gt;", "not-found:&lt;uuid&gt;", "delivered:&lt;uuid&gt;",
 * "refused:&lt;request&gt;", "invalid:&lt;request&gt;", "retry-after"; a request is named by its
 * {@link RequestFingerprint}), kept in the store and bounded there. A forgotten fact only means a
 * finding is missed, never that an answer changes.
 */
public final class LintMemory {
  private final LintStore store;

  public LintMemory(LintStore store) {
    this.store = store;
  }

  /** Notes that {@code fact} happened (or, for a deadline, ends) at {@code at}. */
  public void remember(long accountId, String fact, Instant at) {
    store.remember(accountId, fact, at.toEpochMilli());
  }

  /**
   * Runs the lint's look at one exchange of the account; what it remembers and records is kept in
   * one commit afterwards (see {@link LintStore#together}).
   */
  public <T> T together(long accountId, Supplier<T> observe) {
    return store.together(accountId, observe);
  }

  /** When {@code fact} last happened, if it is still remembered. */
  public Optional<Instant> recall(long accountId, String fact) {
    return store.recall(accountId, fact).map(Instant::ofEpochMilli);
  }

  /** Forgets one account's facts (with its findings: they are kept together). */
  public void forget(long accountId) {
    store.forget(accountId);
  }

  /** Forgets everything (control API reset). */
  public void clear() {
    store.clear();
  }
}
