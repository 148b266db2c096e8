package pelcro.exports.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * Every account's export jobs. Each check-then-act rule ("Export in progress", download once) is
 * one compare-and-set commit, so concurrent requests, on one node or many, cannot both pass it. A
 * job is only ever reached through its account: one account cannot see another's exports.
 */
public final class JobStore {
  /**
   * Jobs kept per account; beyond it the oldest jobs that no longer run are forgotten (their
   * downloads then answer "not found, please try to export again"), so a long-running public
   * sandbox does not grow without bound.
   */
  static final int MAX_JOBS_PER_ACCOUNT = 1000;

  private static final Codec<ExportJob> JOB = Codec.of(ExportJob.class);
  private static final Codec<String> TEXT = Codec.of(String.class);
  private static final Codec<Long> OWNER = Codec.of(Long.class);

  private final StateEngine engine;
  private final RuntimeAccounts accounts;

  JobStore(StateEngine engine, RuntimeAccounts accounts) {
    this.engine = engine;
    this.accounts = accounts;
  }

  /**
   * Adds {@code job} unless an export of its type is still queued or processing for the account at
   * {@code now} (request-export: "You cannot request multiple exports of the same type
   * simultaneously"). An account made at run time (a session, a Try-it tenant) must still exist
   * when the job is added, so no job outlives its account.
   */
  public ExportJob insertIfNoneRunning(ExportJob job, Instant now) {
    String slotKey = Keys.slot(job.accountId(), job.type());
    long before =
        Attempts.commit(
            engine,
            () -> {
              Transaction tx = new Transaction();
              accounts.expectLive(job.accountId(), tx);
              Versioned<String> slot = engine.get(slotKey, TEXT);
              if (slot.present()) {
                String latestKey = Keys.job(job.accountId(), slot.value());
                Versioned<ExportJob> latest = engine.get(latestKey, JOB);
                if (latest.present() && latest.value().stateAt(now).running()) {
                  throw new ApiException(ApiError.EXPORT_IN_PROGRESS);
                }
                tx.expect(latestKey, latest);
              }
              tx.expect(slotKey, slot)
                  .put(slotKey, job.uuid(), TEXT)
                  .put(Keys.job(job.accountId(), job.uuid()), job, JOB)
                  .index(Keys.jobs(job.accountId()), job.uuid(), job.createdAt().toEpochMilli())
                  .put(Keys.owner(job.uuid()), job.accountId(), OWNER);
              // How many jobs the account had: a request read it with its slot (RequestPlans).
              return new Attempts.Step<>(tx, engine.size(Keys.jobs(job.accountId())));
            });
    if (before + 1 > MAX_JOBS_PER_ACCOUNT) {
      prune(job.accountId(), now);
    }
    return job;
  }

  /** The account's job with this uuid. */
  public Optional<ExportJob> find(long accountId, String uuid) {
    return Optional.ofNullable(engine.get(Keys.job(accountId, uuid), JOB).value())
        .filter(j -> j.accountId() == accountId);
  }

  /**
   * Reads, in one round trip, a job a control call names and what failing it changes with it (the
   * fault noted for its file), kept for the rest of the call.
   */
  public void readForControl(String uuid) {
    RequestReads.prefetch(
        engine,
        new Batch()
            .follow(Keys.owner(uuid), Keys.jobBeforeAccount(), Keys.jobAfterAccount(uuid))
            .value(Keys.faultOnFile(uuid)));
  }

  /** A job of any account (control API only). */
  public Optional<ExportJob> findAnyAccount(String uuid) {
    Long owner = engine.get(Keys.owner(uuid), OWNER).value();
    return owner == null ? Optional.empty() : find(owner, uuid);
  }

  /**
   * Replaces the account's job atomically with {@code change}'s result; {@code missing} is thrown
   * when the account has no such job. Exceptions from {@code change} leave it unchanged, and a
   * result equal to the job as read commits nothing.
   */
  public ExportJob update(
      long accountId, String uuid, UnaryOperator<ExportJob> change, ApiError missing) {
    return update(accountId, uuid, change, missing, false);
  }

  /**
   * As {@link #update}, for the commit that ends a request after it was answered (a download's
   * confirmation): {@code change} reads the account's clock as the request saw it, so the commit
   * applies only while that clock has not moved (else it reads the clock again and retries), and
   * the writes the request left for it (the lint's notes) are made with it.
   */
  public ExportJob updateToEnd(
      long accountId, String uuid, UnaryOperator<ExportJob> change, ApiError missing) {
    ExportJob changed = update(accountId, uuid, change, missing, true);
    RequestReads.deferredDone();
    return changed;
  }

  private ExportJob update(
      long accountId,
      String uuid,
      UnaryOperator<ExportJob> change,
      ApiError missing,
      boolean ending) {
    return Attempts.commit(
        engine,
        () -> {
          String key = Keys.job(accountId, uuid);
          Versioned<ExportJob> read = engine.get(key, JOB);
          if (!read.present() || read.value().accountId() != accountId) {
            throw new ApiException(missing, uuid);
          }
          ExportJob changed = change.apply(read.value());
          if (!ending && changed == read.value() && RequestReads.wrote(key, read)) {
            // The job is what this request wrote an instant ago and stays so (a fault that shaped
            // a new job wrote it with its strike): nothing to check, nothing to write.
            return new Attempts.Step<>(new Transaction(), changed);
          }
          Transaction tx = new Transaction().expect(key, read);
          if (changed != read.value()) {
            tx.put(key, changed, JOB);
          }
          if (ending) {
            for (String clock : List.of(Keys.SANDBOX_CLOCK, Keys.clock(accountId))) {
              Long seen = RequestReads.seen(clock);
              if (seen != null) {
                tx.expectCounter(clock, seen);
              }
            }
            RequestReads.addDeferred(tx);
          }
          return new Attempts.Step<>(tx, changed);
        });
  }

  /** The account's jobs, newest first. */
  public List<ExportJob> jobs(long accountId) {
    List<ExportJob> jobs = new ArrayList<>();
    for (String uuid : engine.range(Keys.jobs(accountId), true, MAX_JOBS_PER_ACCOUNT * 2)) {
      find(accountId, uuid).ifPresent(jobs::add);
    }
    return jobs;
  }

  /** Forgets an account's jobs (a reset of the account, or an account that ended). */
  public void removeAccount(long accountId) {
    engine.commit(removeAccount(accountId, new Transaction())); // expects nothing: it applies
  }

  /** Adds to {@code tx} the removal of the account's jobs. */
  Transaction removeAccount(long accountId, Transaction tx) {
    List<String> uuids = engine.range(Keys.jobs(accountId), false, Integer.MAX_VALUE);
    for (String uuid : uuids) {
      tx.delete(Keys.job(accountId, uuid))
          .delete(Keys.owner(uuid))
          .delete(Keys.faultOnFile(uuid))
          .unindex(Keys.jobs(accountId), uuid);
    }
    for (ExportType type : ExportType.values()) {
      tx.delete(Keys.slot(accountId, type.getValue()));
    }
    return tx;
  }

  /** Drops the oldest finished jobs over the cap; never a running one. */
  private void prune(long accountId, Instant now) {
    long excess = engine.size(Keys.jobs(accountId)) - MAX_JOBS_PER_ACCOUNT;
    if (excess <= 0) {
      return;
    }
    Transaction tx = new Transaction();
    for (String uuid : engine.range(Keys.jobs(accountId), false, (int) excess + 16)) {
      Versioned<ExportJob> job = engine.get(Keys.job(accountId, uuid), JOB);
      if (excess > 0 && (!job.present() || !job.value().stateAt(now).running())) {
        tx.expect(Keys.job(accountId, uuid), job)
            .delete(Keys.job(accountId, uuid))
            .delete(Keys.owner(uuid))
            .delete(Keys.faultOnFile(uuid))
            .unindex(Keys.jobs(accountId), uuid);
        excess--;
      }
    }
    engine.commit(tx); // a conflict only means another request is pruning too
  }
}
