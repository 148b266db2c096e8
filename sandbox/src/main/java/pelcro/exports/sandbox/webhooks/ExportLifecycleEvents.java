package pelcro.exports.sandbox.webhooks;

import pelcro.exports.sandbox.domain.ExportEventType;
import java.time.Instant;
import java.util.function.LongFunction;
import pelcro.exports.sandbox.domain.ExportJob;

/**
 * Turns the export lifecycle into events (webhooks-exports): the operations report requests,
 * downloads and forced ends; the end of a job, which follows from the clock, is scheduled for
 * its planned instant when it is requested.
 *
 * <p>{@code export.requested} happens at {@code created_at}, {@code export.completed} at
 * {@code finished_at}, {@code export.failed} at the failure, {@code export.downloaded} at the
 * download; each event's object is the export as it is at that instant.
 */
public final class ExportLifecycleEvents {
  /** Reports nothing (no webhook configured). */
  public static final ExportLifecycleEvents NONE = new ExportLifecycleEvents(ExportEventSink.NONE, id -> null);

  private final ExportEventSink sink;
  private final LongFunction<String> userEmailOfAccount;

  /**
   * @param sink where events go
   * @param userEmailOfAccount the requesting user's email for an account id, or null
   */
  public ExportLifecycleEvents(ExportEventSink sink, LongFunction<String> userEmailOfAccount) {
    this.sink = sink;
    this.userEmailOfAccount = userEmailOfAccount;
  }

  /** A job was queued: {@code export.requested} now, {@code export.completed} at its planned finish. */
  public void requested(ExportJob job) {
    publish(ExportEventType.REQUESTED, job, job.createdAt());
    publish(ExportEventType.COMPLETED, job, job.finishAt());
  }

  /** The control API completed or failed a job now: its planned end is replaced by the new one. */
  public void endMoved(ExportJob job) {
    sink.withdraw(job.uuid(), ExportEventType.COMPLETED);
    if (job.failedAt() != null) {
      publish(ExportEventType.FAILED, job, job.failedAt());
    } else {
      publish(ExportEventType.COMPLETED, job, job.finishAt());
    }
  }

  /** A job's file was handed out. */
  public void downloaded(ExportJob job) {
    publish(ExportEventType.DOWNLOADED, job, job.downloadedAt());
  }

  private void publish(ExportEventType type, ExportJob job, Instant at) {
    sink.publish(type, facts(job, at), at);
  }

  private ExportFacts facts(ExportJob job, Instant at) {
    return new ExportFacts(job.accountId(), job.uuid(), job.type(), job.userId(),
        userEmailOfAccount.apply(job.accountId()), number(job, "date_from"), number(job, "date_to"),
        job.createdAt(), job.startedAt(at), job.finishedAt(at), job.failedReasonAt(at),
        job.updatedAt(at));
  }

  private static Long number(ExportJob job, String filter) {
    Object value = job.query().filters().get(filter);
    return value instanceof Number n ? n.longValue() : null;
  }
}
