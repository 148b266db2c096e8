package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * What the integrator lint keeps per account: its findings (one per rule: count, first and last
 * time, last detail) and the recent facts its time rules compare with ("not-ready:&lt;uuid&gt;" at
 * epoch ms). Bounded: {@link #MAX_FACTS} facts per account, {@link #MAX_ACCOUNTS} accounts (the one
 * linted longest ago goes first).
 */
public final class LintStore {
  public static final int MAX_ACCOUNTS = 4096;
  public static final int MAX_FACTS = 256;

  /**
   * One rule's finding for one account.
   *
   * @param firstAt when first broken, epoch seconds of the account's clock
   * @param lastAt when last broken
   */
  public record Finding(String rule, long count, long firstAt, long lastAt, String detail) {}

  /** An account's notes: findings by rule id, facts by name (insertion order: oldest first). */
  public record Notes(Map<String, Finding> findings, Map<String, Long> facts) {
    static final Notes EMPTY = new Notes(Map.of(), Map.of());
  }

  private static final Codec<Notes> NOTES = Codec.of(Notes.class);

  /** The changes of one observed exchange, made in one commit when it has been observed. */
  private static final class Pending {
    final long accountId;
    final List<UnaryOperator<Notes>> changes = new ArrayList<>();
    long atMillis = Long.MIN_VALUE;

    Pending(long accountId) {
      this.accountId = accountId;
    }
  }

  private static final ThreadLocal<Pending> PENDING = new ThreadLocal<>();

  /** One exchange's changes to an account's notes, and when it happened. */
  private record Change(UnaryOperator<Notes> change, long atMillis) {}

  private final StateEngine engine;
  private final GroupedChanges<Change> grouped;

  LintStore(StateEngine engine) {
    this.engine = engine;
    this.grouped =
        new GroupedChanges<>(
            (accountId, changes) ->
                change(
                    accountId,
                    changes.stream().mapToLong(Change::atMillis).max().orElseThrow(),
                    notes -> {
                      Notes changed = notes;
                      for (Change change : changes) {
                        changed = change.change().apply(changed);
                      }
                      return changed;
                    }));
  }

  /**
   * Runs {@code observe} (the lint's look at one exchange of the account) and makes every change it
   * asks for to the account's notes in one commit afterwards: one round trip per exchange, however
   * many rules it broke and facts it noted. What {@code observe} recalls is what was there before.
   */
  public <T> T together(long accountId, Supplier<T> observe) {
    Pending outer = PENDING.get();
    Pending pending = new Pending(accountId);
    PENDING.set(pending);
    T result;
    try {
      result = observe.get();
    } finally {
      PENDING.set(outer);
    }
    if (!pending.changes.isEmpty()) {
      UnaryOperator<Notes> all =
          notes -> {
            Notes changed = notes;
            for (UnaryOperator<Notes> change : pending.changes) {
              changed = change.apply(changed);
            }
            return changed;
          };
      String key = Keys.lint(accountId);
      boolean deferred =
          RequestReads.defer(
              tx -> {
                Versioned<Notes> read = engine.get(key, NOTES);
                tx.expect(key, read)
                    .put(key, all.apply(read.present() ? read.value() : Notes.EMPTY), NOTES)
                    .index(Keys.LINTED_ACCOUNTS, Long.toString(accountId), pending.atMillis);
              });
      if (deferred) {
        return result; // made with the commit that ends the request (a download's confirmation)
      }
      if (engine.inProcess()) {
        change(accountId, pending.atMillis, all);
      } else {
        // With the changes of this node's other requests of the account that arrive meanwhile.
        grouped.submit(accountId, new Change(all, pending.atMillis));
      }
    }
    return result;
  }

  /** Counts one occurrence of {@code rule} at {@code atSecond}, with its detail. */
  public void record(long accountId, String rule, String detail, long atSecond) {
    change(
        accountId,
        atSecond * 1000,
        notes -> {
          Map<String, Finding> findings = new LinkedHashMap<>(notes.findings());
          findings.merge(
              rule,
              new Finding(rule, 1, atSecond, atSecond, detail),
              (old, fresh) ->
                  new Finding(
                      rule,
                      old.count() + 1,
                      Math.min(old.firstAt(), atSecond),
                      Math.max(old.lastAt(), atSecond),
                      detail));
          return new Notes(findings, notes.facts());
        });
  }

  /** Notes that {@code fact} happened (or, for a deadline, ends) at {@code atMillis}. */
  public void remember(long accountId, String fact, long atMillis) {
    change(
        accountId,
        atMillis,
        notes -> {
          Map<String, Long> facts = new LinkedHashMap<>(notes.facts());
          facts.remove(fact); // re-inserted last: the oldest fact goes first when full
          facts.put(fact, atMillis);
          while (facts.size() > MAX_FACTS) {
            facts.remove(facts.keySet().iterator().next());
          }
          return new Notes(notes.findings(), facts);
        });
  }

  /** When {@code fact} last happened, if it is still noted. */
  public Optional<Long> recall(long accountId, String fact) {
    return Optional.ofNullable(notes(accountId).facts().get(fact));
  }

  /** The accounts' findings, by account id; {@code accountId} filters when not null. */
  public Map<Long, List<Finding>> findings(Long accountId) {
    List<Long> accounts =
        accountId != null
            ? List.of(accountId)
            : engine.range(Keys.LINTED_ACCOUNTS, false, MAX_ACCOUNTS * 2).stream()
                .map(Long::valueOf)
                .sorted()
                .toList();
    Map<Long, List<Finding>> found = new LinkedHashMap<>();
    for (long account : accounts) {
      List<Finding> mine = new ArrayList<>(notes(account).findings().values());
      if (!mine.isEmpty()) {
        found.put(account, mine);
      }
    }
    return found;
  }

  /** Forgets one account's notes. */
  public void forget(long accountId) {
    engine.commit(forget(accountId, new Transaction()));
  }

  /** Adds to {@code tx} forgetting one account's notes. */
  Transaction forget(long accountId, Transaction tx) {
    return tx.delete(Keys.lint(accountId)).unindex(Keys.LINTED_ACCOUNTS, Long.toString(accountId));
  }

  /** Forgets every account's notes. */
  public void clear() {
    for (String account : engine.range(Keys.LINTED_ACCOUNTS, false, Integer.MAX_VALUE)) {
      forget(Long.parseLong(account));
    }
  }

  private Notes notes(long accountId) {
    Notes notes = engine.get(Keys.lint(accountId), NOTES).value();
    return notes == null ? Notes.EMPTY : notes;
  }

  private void change(long accountId, long atMillis, UnaryOperator<Notes> change) {
    Pending pending = PENDING.get();
    if (pending != null && pending.accountId == accountId) {
      pending.changes.add(change);
      pending.atMillis = Math.max(pending.atMillis, atMillis);
      return;
    }
    String key = Keys.lint(accountId);
    // How many accounts had notes before (read with the request's first read, RequestPlans).
    long linted = engine.size(Keys.LINTED_ACCOUNTS);
    boolean fresh =
        Attempts.commit(
            engine,
            () -> {
              Versioned<Notes> read = engine.get(key, NOTES);
              Notes next = change.apply(read.present() ? read.value() : Notes.EMPTY);
              return new Attempts.Step<>(
                  new Transaction()
                      .expect(key, read)
                      .put(key, next, NOTES)
                      .index(Keys.LINTED_ACCOUNTS, Long.toString(accountId), atMillis),
                  !read.present());
            });
    if (fresh && linted + 1 > MAX_ACCOUNTS) {
      engine
          .range(Keys.LINTED_ACCOUNTS, false, 1)
          .forEach(oldest -> forget(Long.parseLong(oldest)));
    }
  }
}
