package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Batch;
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

  private final StateEngine engine;

  /** Writes the notes behind the requests on a shared store; null in memory (no round trip). */
  private final LintWriter writer;

  LintStore(StateEngine engine) {
    this.engine = engine;
    this.writer = engine.inProcess() ? null : new LintWriter(this::commitWaiting);
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
      UnaryOperator<Notes> all = notes -> applied(notes, pending.changes);
      String key = Keys.lint(accountId);
      boolean deferred =
          RequestReads.defer(
              tx -> {
                Versioned<Notes> read = engine.get(key, NOTES);
                tx.expect(key, read)
                    .put(key, all.apply(read.present() ? read.value() : Notes.EMPTY), NOTES);
                listed(tx, accountId, pending.atMillis, read.present());
              });
      if (deferred) {
        return result; // made with the commit that ends the request (a download's confirmation)
      }
      if (writer == null) {
        change(accountId, pending.atMillis, all);
      } else {
        writer.submit(accountId, pending.changes, pending.atMillis);
      }
    }
    return result;
  }

  /** Counts one occurrence of {@code rule} at {@code atSecond}, with its detail. */
  public void record(long accountId, String rule, String detail, long atSecond) {
    change(accountId, atSecond * 1000, new Counted(rule, detail, atSecond));
  }

  /** Notes that {@code fact} happened (or, for a deadline, ends) at {@code atMillis}. */
  public void remember(long accountId, String fact, long atMillis) {
    change(accountId, atMillis, new Noted(fact, atMillis));
  }

  /** One occurrence of a rule broken, counted in the account's findings. */
  private record Counted(String rule, String detail, long atSecond)
      implements UnaryOperator<Notes> {
    @Override
    public Notes apply(Notes notes) {
      return applied(notes, List.of(this));
    }

    void into(Map<String, Finding> findings) {
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
    }
  }

  /** A fact noted (re-inserted last: the oldest fact goes first when there are too many). */
  private record Noted(String fact, long atMillis) implements UnaryOperator<Notes> {
    @Override
    public Notes apply(Notes notes) {
      return applied(notes, List.of(this));
    }

    void into(Map<String, Long> facts) {
      facts.remove(fact);
      facts.put(fact, atMillis);
    }
  }

  /** {@code changes} applied to {@code notes} in order, copying each map once. */
  private static Notes applied(Notes notes, List<UnaryOperator<Notes>> changes) {
    Map<String, Finding> findings = new LinkedHashMap<>(notes.findings());
    Map<String, Long> facts = new LinkedHashMap<>(notes.facts());
    for (UnaryOperator<Notes> change : changes) {
      if (change instanceof Counted counted) {
        counted.into(findings);
      } else if (change instanceof Noted noted) {
        noted.into(facts);
      }
    }
    while (facts.size() > MAX_FACTS) {
      facts.remove(facts.keySet().iterator().next());
    }
    return new Notes(findings, facts);
  }

  /** When {@code fact} last happened, if it is still noted. */
  public Optional<Long> recall(long accountId, String fact) {
    Versioned<Notes> read = engine.get(Keys.lint(accountId), NOTES);
    Long at = read.present() ? read.value().facts().get(fact) : null;
    if (writer != null) {
      // Only the fact: applying every waiting change would copy the notes for each request.
      for (UnaryOperator<Notes> change : writer.missing(accountId, read.version())) {
        if (change instanceof Noted noted && noted.fact().equals(fact)) {
          at = noted.atMillis();
        }
      }
    }
    return Optional.ofNullable(at);
  }

  /** The accounts' findings, by account id; {@code accountId} filters when not null. */
  public Map<Long, List<Finding>> findings(Long accountId) {
    List<Long> accounts =
        accountId != null
            ? List.of(accountId)
            : java.util.stream.Stream.concat(
                    engine.range(Keys.LINTED_ACCOUNTS, false, MAX_ACCOUNTS * 2).stream()
                        .map(Long::valueOf),
                    writer == null
                        ? java.util.stream.Stream.<Long>empty()
                        : writer.waiting().stream())
                .distinct()
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

  /** Adds to {@code tx} forgetting one account's notes (and drops those not yet written). */
  Transaction forget(long accountId, Transaction tx) {
    if (writer != null) {
      writer.forget(accountId);
    }
    return tx.delete(Keys.lint(accountId)).unindex(Keys.LINTED_ACCOUNTS, Long.toString(accountId));
  }

  /** Forgets every account's notes. */
  public void clear() {
    if (writer != null) {
      writer.forgetAll();
    }
    for (String account : engine.range(Keys.LINTED_ACCOUNTS, false, Integer.MAX_VALUE)) {
      forget(Long.parseLong(account));
    }
  }

  /**
   * Lists the account in the index of linted accounts, last noted at {@code atMillis}: an account
   * with notes is listed already (its notes and its place are written together), so only its score
   * changes, and the index's size stays (which a node's cache of Redis keeps without reading
   * again).
   */
  private static Transaction listed(
      Transaction tx, long accountId, long atMillis, boolean hadNotes) {
    String member = Long.toString(accountId);
    return hadNotes
        ? tx.rescore(Keys.LINTED_ACCOUNTS, member, atMillis)
        : tx.index(Keys.LINTED_ACCOUNTS, member, atMillis);
  }

  private Notes notes(long accountId) {
    Versioned<Notes> read = engine.get(Keys.lint(accountId), NOTES);
    Notes notes = read.present() ? read.value() : Notes.EMPTY;
    return writer == null ? notes : applied(notes, writer.missing(accountId, read.version()));
  }

  /**
   * The writer's commit of an account's waiting changes: read, apply, compare-and-set, until it
   * applies or the account is forgotten meanwhile.
   */
  private long commitWaiting(
      long accountId,
      List<UnaryOperator<Notes>> changes,
      long atMillis,
      LongConsumer basedOn,
      BooleanSupplier wanted) {
    String key = Keys.lint(accountId);
    while (wanted.getAsBoolean()) {
      Batch.Result got = engine.read(new Batch().value(key).size(Keys.LINTED_ACCOUNTS));
      Versioned<Notes> read = got.values().get(key).as(NOTES);
      long linted = got.sizes().get(Keys.LINTED_ACCOUNTS);
      basedOn.accept(read.version());
      Transaction tx =
          new Transaction()
              .expect(key, read)
              .put(key, applied(read.present() ? read.value() : Notes.EMPTY, changes), NOTES);
      long version = engine.commitAt(listed(tx, accountId, atMillis, read.present()));
      if (version != 0) {
        if (!wanted.getAsBoolean()) {
          // Forgotten between the check above and this commit, which wrote the notes again;
          // changes handed over since then stay with the writer.
          engine.commit(
              new Transaction()
                  .delete(key)
                  .unindex(Keys.LINTED_ACCOUNTS, Long.toString(accountId)));
          return 0;
        }
        if (!read.present() && linted + 1 > MAX_ACCOUNTS) {
          engine
              .range(Keys.LINTED_ACCOUNTS, false, 1)
              .forEach(oldest -> forget(Long.parseLong(oldest)));
        }
        return version;
      }
    }
    return 0;
  }

  /** Writes what waits, then stops writing. */
  void close() {
    if (writer != null) {
      writer.close();
    }
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
              Transaction tx = new Transaction().expect(key, read).put(key, next, NOTES);
              return new Attempts.Step<>(
                  listed(tx, accountId, atMillis, read.present()), !read.present());
            });
    if (fresh && linted + 1 > MAX_ACCOUNTS) {
      engine
          .range(Keys.LINTED_ACCOUNTS, false, 1)
          .forEach(oldest -> forget(Long.parseLong(oldest)));
    }
  }
}
