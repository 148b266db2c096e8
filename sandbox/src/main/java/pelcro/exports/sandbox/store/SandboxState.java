package pelcro.exports.sandbox.store;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;

/**
 * The store boundary: all of the sandbox's mutable state (jobs, accounts made at run time, clocks,
 * rate windows, ...) behind one object, on one {@link StateEngine}. The operations and the domain
 * see these facets only, never the engine, so the same rules run on one JVM's memory or on a Redis
 * shared by many nodes.
 */
public final class SandboxState implements AutoCloseable {
  private final StateEngine engine;
  private final StateEngine reads;
  private final AccountClocks clocks;
  private final RuntimeAccounts accounts;
  private final JobStore jobs;
  private final RateWindows rates;
  private final Sessions sessions;
  private final DeliveryStore deliveries;
  private final FaultStore faults;
  private final LintStore lint;
  private final RequestPlans plans;
  private SeedParameters seed;

  /**
   * @param base the real (or a test's) time, under every clock's offsets
   */
  public SandboxState(StateEngine engine, InstantSource base) {
    this.engine = engine;
    this.reads = new RequestCachedEngine(engine); // each value once per request
    this.clocks = new AccountClocks(base, reads);
    this.accounts = new RuntimeAccounts(reads);
    this.jobs = new JobStore(reads, accounts);
    this.rates = new RateWindows(reads);
    this.sessions = new Sessions(reads, accounts);
    this.deliveries = new DeliveryStore(reads);
    this.faults = new FaultStore(reads);
    this.lint = new LintStore(reads);
    this.plans = new RequestPlans(reads, base, clocks);
  }

  /** What each kind of request reads first, in one round trip. */
  public RequestPlans plans() {
    return plans;
  }

  public LintStore lint() {
    return lint;
  }

  public FaultStore faults() {
    return faults;
  }

  public DeliveryStore deliveries() {
    return deliveries;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AccountClocks clocks() {
    return clocks;
  }

  public RuntimeAccounts accounts() {
    return accounts;
  }

  public JobStore jobs() {
    return jobs;
  }

  public RateWindows rates() {
    return rates;
  }

  /**
   * Forgets what the account owns (jobs, its clock, its faults, its lint findings), keeping the
   * account itself: one commit, which applies only while the account's faults are as read (the
   * count of scheduled faults moves with them).
   */
  public void resetAccount(long accountId) {
    Attempts.commit(
        reads, () -> new Attempts.Step<>(resetAccount(accountId, new Transaction()), null));
  }

  /**
   * Ends a session: its two accounts, and what they own (jobs, clocks, faults, lint findings), in
   * one commit, after one read of all of it; the ended session, if it existed.
   */
  public Optional<Sessions.Session> endSession(String id) {
    Optional<Sessions.Session> found = sessions.find(id);
    found.ifPresent(
        session -> {
          Batch owned = new Batch();
          for (long account : List.of(session.enterprise().id(), session.basic().id())) {
            owned
                .value(Keys.account(account))
                .value(FaultStore.keyOf(account))
                .members(Keys.jobs(account));
          }
          RequestReads.prefetch(reads, owned);
          Attempts.commit(
              reads,
              () -> {
                Transaction tx = new Transaction();
                sessions.end(session, tx);
                resetAccount(session.enterprise().id(), tx);
                resetAccount(session.basic().id(), tx);
                return new Attempts.Step<>(tx, null);
              });
        });
    return found;
  }

  private Transaction resetAccount(long accountId, Transaction tx) {
    jobs.removeAccount(accountId, tx);
    clocks.reset(accountId, tx);
    faults.clear(accountId, tx);
    lint.forget(accountId, tx);
    return tx;
  }

  /**
   * The seeded data's parameters every node uses: the store's, or {@code mine} for the first node
   * (see {@link SeedParameters}).
   */
  public synchronized SeedParameters agreeOnSeed(SeedParameters mine) {
    seed = SeedParameters.agree(engine, mine);
    return seed;
  }

  /**
   * Forgets everything: no exports, no runtime accounts, every clock back to real time. The seeded
   * data's parameters stay: running nodes keep serving the same files.
   */
  public synchronized void reset() {
    engine.clear();
    RequestReads.forgetAll();
    if (seed != null) {
      seed.restore(engine);
    }
  }

  /** Whether the engine can be reached (a Redis engine may lose its server for a while). */
  public boolean available() {
    return engine.available();
  }

  /** Why the engine cannot be reached now, if it cannot (health says so). */
  public Optional<String> unreachable() {
    return engine.unreachable();
  }

  @Override
  public void close() {
    lint.close();
    engine.close();
  }
}
