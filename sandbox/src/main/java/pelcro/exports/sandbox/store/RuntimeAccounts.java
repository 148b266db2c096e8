package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Stored;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * Accounts made while the sandbox runs (sessions, Try-it tenants), as opposed to the accounts file:
 * found by their key, listed per kind by last use, and ended as a whole.
 *
 * <p>Their ids start far above any accounts file's, so "is this a runtime account?" needs no
 * lookup. A job may only be added to a runtime account that still exists (see {@link #expectLive}),
 * which closes the race between a request and the end of its account.
 */
public final class RuntimeAccounts {
  /** First id handed out; far from the ids of {@code accounts.json}. */
  public static final long FIRST_ID = 9_000_000_001L;

  private static final Codec<Account> ACCOUNT = Codec.of(Account.class);
  private static final Codec<Long> ID = Codec.of(Long.class);

  /** Idle accounts ended at most per sweep (a sweep is bounded however many went idle). */
  private static final int IDLE_AT_ONCE = 16;

  private final StateEngine engine;

  RuntimeAccounts(StateEngine engine) {
    this.engine = engine;
  }

  public static boolean isRuntime(long accountId) {
    return accountId >= FIRST_ID;
  }

  /** The runtime account of a key: the key and the account it names, in one round trip. */
  public Optional<Account> byKey(String apiKey) {
    RequestReads.prefetch(
        engine,
        new Batch().follow(Keys.keyLookup(apiKey), Keys.accountPrefix(), Keys.ACCOUNT_SUFFIX));
    Long id = engine.get(Keys.keyLookup(apiKey), ID).value();
    return id == null ? Optional.empty() : byId(id);
  }

  /**
   * What a request with a key finds, in one round trip: the key's account, if it has one, and when
   * it was last used; the use is recorded at {@code now} in the same round trip if the account was
   * used after {@code idleSince} (an idle one is left for the caller to end). So a returning
   * visitor costs one read, whatever else the kind's accounts are doing.
   */
  public Use use(String kind, String apiKey, Instant now, Instant idleSince) {
    String lookup = Keys.keyLookup(apiKey);
    Batch.Result read =
        RequestReads.read(
            engine,
            new Batch()
                .follow(lookup, Keys.accountPrefix(), Keys.ACCOUNT_SUFFIX)
                .touch(lookup, Keys.accounts(kind), now.toEpochMilli(), idleSince.toEpochMilli()));
    Long id = read.values().getOrDefault(lookup, Stored.ABSENT).as(ID).value();
    if (id == null) {
      return new Use(Optional.empty(), Optional.empty());
    }
    Stored account = read.values().getOrDefault(Keys.account(id), Stored.ABSENT);
    Double used = read.touched().get(Keys.accounts(kind));
    return new Use(
        Optional.ofNullable(account.as(ACCOUNT).value()),
        Optional.ofNullable(used).map(millis -> Instant.ofEpochMilli(millis.longValue())));
  }

  /**
   * What {@link #use} found.
   *
   * @param account the key's account, if it has one
   * @param lastUsed when it was used before this request; empty when it is not among the kind's
   *     accounts
   */
  public record Use(Optional<Account> account, Optional<Instant> lastUsed) {}

  public Optional<Account> byId(long accountId) {
    return Optional.ofNullable(engine.get(Keys.account(accountId), ACCOUNT).value());
  }

  /**
   * Creates the account {@code make} builds for a fresh id, under its key, unless the key is taken
   * already (then the existing account is returned: two first requests with one key make one
   * account).
   */
  public Account create(String kind, String apiKey, Instant now, LongFunction<Account> make) {
    return create(kind, apiKey, now, make, 0).orElseThrow();
  }

  /**
   * Creates accounts under fresh keys (random, never handed out before) in one commit, with one
   * increment of the id sequence for all of them: {@code makes} builds each from its id, in order.
   * Keys expected absent without a read: a key already taken (it never is) fails the commit, and
   * the accounts are then made one by one, each seeing what exists. {@code alongside} adds what is
   * written with them (a session's record) to their commit.
   */
  List<Account> createFresh(
      String kind,
      List<String> apiKeys,
      Instant now,
      List<LongFunction<Account>> makes,
      BiConsumer<List<Account>, Transaction> alongside) {
    long last = engine.increment(Keys.ACCOUNT_SEQUENCE, apiKeys.size(), null);
    long first = FIRST_ID + last - apiKeys.size();
    Transaction tx = new Transaction();
    List<Account> made = new java.util.ArrayList<>();
    for (int i = 0; i < apiKeys.size(); i++) {
      Account account = makes.get(i).apply(first + i);
      made.add(account);
      tx.expect(Keys.key(apiKeys.get(i)), Versioned.absent())
          .put(Keys.key(apiKeys.get(i)), account.id(), ID)
          .put(Keys.keyLookup(apiKeys.get(i)), account.id(), ID)
          .put(Keys.account(account.id()), account, ACCOUNT)
          .index(Keys.accounts(kind), Long.toString(account.id()), now.toEpochMilli());
    }
    alongside.accept(made, tx);
    if (engine.commit(tx)) {
      return made;
    }
    List<Account> one = new java.util.ArrayList<>();
    for (int i = 0; i < apiKeys.size(); i++) {
      one.add(create(kind, apiKeys.get(i), now, makes.get(i)));
    }
    Transaction rest = new Transaction();
    alongside.accept(one, rest);
    engine.commit(rest);
    return one;
  }

  /**
   * As {@link #create(String, String, Instant, LongFunction)}, but a new account is made only while
   * the kind has fewer than {@code cap} accounts (0: no cap); empty when it is full (the caller
   * makes room and asks again). The cap holds however many nodes create at once: every capped
   * creation of the kind expects, and bumps, the kind's creation counter, so two creations that
   * both saw room cannot both commit (ends only ever make room).
   */
  public Optional<Account> create(
      String kind, String apiKey, Instant now, LongFunction<Account> make, int cap) {
    List<Long> made = new ArrayList<>();
    Optional<Account> created =
        Attempts.commit(
            engine,
            () -> {
              Versioned<Long> taken = engine.get(Keys.key(apiKey), ID);
              if (taken.present()) {
                Optional<Account> existing = byId(taken.value());
                if (existing.isPresent()) {
                  // The lookup may be missing (a Cluster node died before writing it): again.
                  return new Attempts.Step<>(
                      new Transaction().put(Keys.keyLookup(apiKey), taken.value(), ID), existing);
                }
              }
              Transaction tx = new Transaction().expect(Keys.key(apiKey), taken);
              if (cap > 0) {
                String guard = Keys.creations(kind);
                Versioned<Long> creations = engine.get(guard, ID);
                if (count(kind) >= cap) {
                  return new Attempts.Step<>(
                      tx.expect(guard, creations), Optional.<Account>empty());
                }
                tx.expect(guard, creations)
                    .put(guard, (creations.present() ? creations.value() : 0) + 1, ID);
              }
              Long counted = RequestReads.takeIncrement(Keys.ACCOUNT_SEQUENCE);
              long last =
                  counted != null ? counted : engine.increment(Keys.ACCOUNT_SEQUENCE, 1, null);
              long id = FIRST_ID + last - 1;
              Account account = make.apply(id);
              if (engine.oneStepAcrossTags()) {
                tx.put(Keys.account(id), account, ACCOUNT);
              } else {
                // The account is written before its key can name it (on a Cluster they are in
                // two slots): a racing first request that finds the key always finds the account.
                engine.commit(new Transaction().put(Keys.account(id), account, ACCOUNT));
                made.add(id);
              }
              tx.put(Keys.key(apiKey), id, ID)
                  .put(Keys.keyLookup(apiKey), id, ID)
                  .index(Keys.accounts(kind), Long.toString(id), now.toEpochMilli());
              return new Attempts.Step<>(tx, Optional.of(account));
            });
    // Accounts written by attempts whose key lost a race are named by nothing: forget them.
    Transaction unused = new Transaction();
    made.stream()
        .filter(id -> created.map(a -> a.id() != id).orElse(true))
        .forEach(id -> unused.delete(Keys.account(id)));
    if (!unused.deletes().isEmpty()) {
      engine.commit(unused);
    }
    return created;
  }

  /**
   * Within a request, reads in one round trip what making an account of the kind under {@code
   * apiKey} decides on (the key, the cap's counter, the kind's count, the accounts idle since
   * {@code idleSince} as {@link #idle} finds them), takes the next id of the sequence and counts
   * the request in each of its creation windows ({@link RateWindows}, by subject): the creation and
   * its limits then send nothing more but their commit, unless they retry or end idle accounts.
   * Outside a request it does nothing: they read and count as they go.
   */
  public void prepareCreation(
      String kind,
      String apiKey,
      Instant idleSince,
      List<String> windowSubjects,
      Instant now,
      Duration window) {
    Batch batch =
        new Batch()
            .value(Keys.key(apiKey))
            .value(Keys.creations(kind))
            .size(Keys.accounts(kind))
            .lowest(Keys.accounts(kind), idleSince.toEpochMilli(), IDLE_AT_ONCE)
            .count(Keys.ACCOUNT_SEQUENCE, 1, null);
    for (String subject : windowSubjects) {
      batch.count(RateWindows.key(subject, now, window), 1, RateWindows.lifetime(window));
    }
    RequestReads.prefetch(engine, batch);
  }

  /** Records that the account was used now (its place in the kind's last-use order). */
  public void touch(String kind, long accountId, Instant now) {
    Versioned<Account> read = engine.get(Keys.account(accountId), ACCOUNT);
    if (read.present()) {
      // Only while it exists: an ended account must not come back into the index.
      engine.commit(
          new Transaction()
              .expect(Keys.account(accountId), read)
              .index(Keys.accounts(kind), Long.toString(accountId), now.toEpochMilli()));
    }
  }

  /**
   * The kind's accounts last used at {@code idleSince} or before, least recently used first, at
   * most {@value #IDLE_AT_ONCE}: from the request's read when {@link #prepareCreation} made it.
   */
  public List<Long> idle(String kind, Instant idleSince) {
    List<String> read = RequestReads.takeLowest(Keys.accounts(kind));
    if (read != null) {
      return read.stream().map(Long::valueOf).toList();
    }
    List<Long> idle = new ArrayList<>();
    for (Long id : leastRecentlyUsed(kind, IDLE_AT_ONCE)) {
      if (lastUsed(kind, id).orElse(Instant.MAX).isAfter(idleSince)) {
        break; // least recently used first: the first used since ends the list
      }
      idle.add(id);
    }
    return idle;
  }

  /** The kind's accounts, least recently used first, at most {@code limit}. */
  public List<Long> leastRecentlyUsed(String kind, int limit) {
    return engine.range(Keys.accounts(kind), false, limit).stream().map(Long::valueOf).toList();
  }

  /** When the account was last used, if it is one of the kind's. */
  public Optional<Instant> lastUsed(String kind, long accountId) {
    return engine
        .score(Keys.accounts(kind), Long.toString(accountId))
        .map(millis -> Instant.ofEpochMilli(millis.longValue()));
  }

  public long count(String kind) {
    return engine.size(Keys.accounts(kind));
  }

  /**
   * Ends an account: its key stops working at once. Returns whether it existed; what else it owns
   * (jobs, clock, findings) is the caller's to forget afterwards.
   */
  public boolean end(String kind, long accountId) {
    Transaction tx = new Transaction();
    boolean existed = end(kind, accountId, tx);
    return engine.commit(tx) && existed;
  }

  /** Adds ending the account to {@code tx}; whether it exists (as read). */
  boolean end(String kind, long accountId, Transaction tx) {
    Versioned<Account> read = engine.get(Keys.account(accountId), ACCOUNT);
    tx.unindex(Keys.accounts(kind), Long.toString(accountId));
    if (read.present()) {
      tx.expect(Keys.account(accountId), read)
          .delete(Keys.account(accountId))
          .delete(Keys.key(read.value().key()))
          .delete(Keys.keyLookup(read.value().key()));
    }
    return read.present();
  }

  /**
   * Makes {@code tx} apply only while the account exists, when it is a runtime account; refuses at
   * once when it no longer does (its key no longer authenticates).
   */
  void expectLive(long accountId, Transaction tx) {
    if (!isRuntime(accountId)) {
      return;
    }
    Versioned<Account> read = engine.get(Keys.account(accountId), ACCOUNT);
    if (!read.present()) {
      throw new ApiException(ApiError.UNAUTHENTICATED);
    }
    tx.expect(Keys.account(accountId), read);
  }
}
