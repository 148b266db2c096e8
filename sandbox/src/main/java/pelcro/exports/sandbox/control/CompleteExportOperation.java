package pelcro.exports.sandbox.control;

import java.time.Instant;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.operations.ExportView;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code POST .../exports/{uuid}/complete}: finishes a running export now.
 *
 * @param events told that the export's end moved to now (webhooks)
 */
public record CompleteExportOperation(
    JobStore jobs, AccountClocks clocks, JobTiming timing, ExportLifecycleEvents events) {

  public Export handle(ControlScope scope, String uuid) {
    ExportJob job = ScopedJobs.find(jobs, scope, uuid);
    Instant now = clocks.now(job.accountId());
    ExportJob done = ScopedJobs.update(jobs, job, j -> j.complete(now, timing));
    events.endMoved(done);
    return ExportView.of(done, now);
  }
}
