package pelcro.exports.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;

/**
 * Every account's export jobs, changed atomically per account.
 *
 * <p>Each check-then-act rule ("Export in progress", download once) runs inside one
 * {@code compute} on the account's entry, so concurrent requests cannot both pass it. A job is
 * only ever reached through its account: one account cannot see another's exports.
 */
public final class ExportStore {
  /**
   * Jobs kept per account; beyond it the oldest jobs that no longer run are forgotten (their
   * downloads then answer "not found, please try to export again"), so a long-running public
   * sandbox does not grow without bound.
   */
  static final int MAX_JOBS_PER_ACCOUNT = 1000;

  // Guarded by ConcurrentHashMap.compute per account; values are never mutated in place.
  private final Map<Long, Map<String, ExportJob>> byAccount = new ConcurrentHashMap<>();

  /**
   * Adds {@code job} unless an export of its type is still queued or processing for the account
   * at {@code now} (request-export: "You cannot request multiple exports of the same type
   * simultaneously").
   */
  public ExportJob insertIfNoneRunning(ExportJob job, Instant now) {
    byAccount.compute(
        job.accountId(),
        (id, jobs) -> {
          Map<String, ExportJob> current = jobs == null ? Map.of() : jobs;
          boolean running =
              current.values().stream()
                  .anyMatch(j -> j.type().equals(job.type()) && j.stateAt(now).running());
          if (running) {
            throw new ApiException(ApiError.EXPORT_IN_PROGRESS);
          }
          Map<String, ExportJob> next = new LinkedHashMap<>(current);
          next.put(job.uuid(), job);
          prune(next, now);
          return next;
        });
    return job;
  }

  /** Drops the oldest finished jobs over the cap; insertion order is creation order. */
  private static void prune(Map<String, ExportJob> jobs, Instant now) {
    var it = jobs.values().iterator();
    while (jobs.size() > MAX_JOBS_PER_ACCOUNT && it.hasNext()) {
      if (!it.next().stateAt(now).running()) {
        it.remove();
      }
    }
  }

  /** The account's job with this uuid. */
  public Optional<ExportJob> find(long accountId, String uuid) {
    return Optional.ofNullable(byAccount.getOrDefault(accountId, Map.of()).get(uuid));
  }

  /** A job of any account (control API only). */
  public Optional<ExportJob> findAnyAccount(String uuid) {
    return byAccount.values().stream()
        .map(jobs -> jobs.get(uuid))
        .filter(j -> j != null)
        .findFirst();
  }

  /**
   * Replaces the account's job atomically with {@code change}'s result; {@code missing} is
   * thrown when the account has no such job. Exceptions from {@code change} leave it unchanged.
   */
  public ExportJob update(
      long accountId, String uuid, UnaryOperator<ExportJob> change, ApiError missing) {
    ExportJob[] result = new ExportJob[1];
    byAccount.compute(
        accountId,
        (id, jobs) -> {
          ExportJob job = jobs == null ? null : jobs.get(uuid);
          if (job == null) {
            throw new ApiException(missing, uuid);
          }
          result[0] = change.apply(job);
          Map<String, ExportJob> next = new LinkedHashMap<>(jobs);
          next.put(uuid, result[0]);
          return next;
        });
    return result[0];
  }

  /** The account's jobs, newest first. */
  public List<ExportJob> jobs(long accountId) {
    List<ExportJob> jobs = new ArrayList<>(byAccount.getOrDefault(accountId, Map.of()).values());
    jobs.sort(Comparator.comparing(ExportJob::createdAt).thenComparing(ExportJob::uuid).reversed());
    return jobs;
  }

  /** Forgets an account's jobs (an expired or evicted Try-it tenant). */
  public void removeAccount(long accountId) {
    byAccount.remove(accountId);
  }

  /** Forgets every job (control API reset). */
  public void clear() {
    byAccount.clear();
  }
}
