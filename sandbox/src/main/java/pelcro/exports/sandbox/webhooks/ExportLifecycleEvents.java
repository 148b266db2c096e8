package pelcro.exports.sandbox.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.LongFunction;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.faults.DeliveryFault;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.log.ActivityLog;

/**
 * Turns the export lifecycle into events (webhooks-exports): the operations report requests,
 * downloads and forced ends; the end of a job, which follows from the clock, is scheduled for its
 * planned instant when it is requested.
 *
 * <p>{@code export.requested} happens at {@code created_at}, {@code export.completed} at {@code
 * finished_at}, {@code export.failed} at the failure, {@code export.downloaded} at the download;
 * each event's object is the export as it is at that instant.
 *
 * @param sink where events go
 * @param userEmailOfAccount the requesting user's email for an account id, or null
 * @param log where {@code --verbose} writes each change
 * @param faults the webhook faults that may strike each event
 */
public record ExportLifecycleEvents(
    ExportEventSink sink, LongFunction<String> userEmailOfAccount, ActivityLog log, Faults faults) {
  /** Reports nothing (no webhook configured). */
  public static final ExportLifecycleEvents NONE =
      new ExportLifecycleEvents(ExportEventSink.NONE, id -> null, ActivityLog.QUIET, Faults.NONE);

  /**
   * A job was queued: {@code export.requested} now, {@code export.completed} at its planned finish.
   */
  public void requested(ExportJob job) {
    if (log.enabled()) {
      log.export(
          job.accountId(),
          job.uuid(),
          job.type()
              + " queued; processing from "
              + job.startAt().truncatedTo(ChronoUnit.MILLIS)
              + ", finished at "
              + job.finishAt().truncatedTo(ChronoUnit.MILLIS)
              + " (account clock)");
    }
    publish(ExportEventType.REQUESTED, job, job.createdAt());
    if (job.failedAt() != null) {
      publish(ExportEventType.FAILED, job, job.failedAt()); // a fault scheduled its failure
    } else if (!job.held()) {
      publish(ExportEventType.COMPLETED, job, job.finishAt());
    }
  }

  /** The control API completed or failed a job now: its planned end is replaced by the new one. */
  public void endMoved(ExportJob job) {
    log.export(
        job.accountId(),
        job.uuid(),
        job.failedAt() != null
            ? "failed by request: " + job.failedReason()
            : "finished by request");
    Optional<DeliveryFault> completed = sink.withdraw(job.uuid(), ExportEventType.COMPLETED);
    // A failure a fault had scheduled.
    Optional<DeliveryFault> failed = sink.withdraw(job.uuid(), ExportEventType.FAILED);
    // The faults struck for the planned event strike the one that replaces it, not new ones.
    if (job.failedAt() != null && failed.isPresent()) {
      publish(ExportEventType.FAILED, job, job.failedAt(), failed);
    } else if (job.failedAt() != null) {
      // Failed by hand instead of completing: export.failed is weighed for the first time, and
      // the faults struck for the planned export.completed strike it too, since it replaces it.
      if (sink != ExportEventSink.NONE) {
        sink.publish(
            ExportEventType.FAILED,
            facts(job, job.failedAt()),
            job.failedAt(),
            faults
                .webhook(job.accountId(), ExportEventType.FAILED)
                .and(completed.orElse(DeliveryFault.NONE)));
      }
    } else {
      publish(ExportEventType.COMPLETED, job, job.finishAt(), completed);
    }
  }

  /** A job's file was handed out: its last byte was written. */
  public void downloaded(ExportJob job) {
    log.export(job.accountId(), job.uuid(), "downloaded");
    publish(ExportEventType.DOWNLOADED, job, job.downloadedAt());
  }

  /** A transfer of a job's file broke off before its end: the file can be downloaded again. */
  public void downloadBroken(long accountId, String uuid) {
    log.export(
        accountId, uuid, "download broke off before its end; the file can be downloaded again");
  }

  private void publish(ExportEventType type, ExportJob job, Instant at) {
    publish(type, job, at, Optional.empty());
  }

  private void publish(
      ExportEventType type, ExportJob job, Instant at, Optional<DeliveryFault> struck) {
    if (sink != ExportEventSink.NONE) {
      sink.publish(
          type, facts(job, at), at, struck.orElseGet(() -> faults.webhook(job.accountId(), type)));
    }
  }

  private ExportFacts facts(ExportJob job, Instant at) {
    return new ExportFacts(
        job.accountId(),
        job.uuid(),
        job.type(),
        job.userId(),
        userEmailOfAccount.apply(job.accountId()),
        number(job, "date_from"),
        number(job, "date_to"),
        job.createdAt(),
        job.startedAt(at),
        job.finishedAt(at),
        job.failedReasonAt(at),
        job.updatedAt(at));
  }

  private static Long number(ExportJob job, String filter) {
    Object value = job.query().filters().get(filter);
    return value instanceof Number n ? n.longValue() : null;
  }
}
