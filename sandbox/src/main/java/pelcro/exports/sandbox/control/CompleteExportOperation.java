package pelcro.exports.sandbox.control;

import java.time.Clock;
import java.time.Instant;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.operations.ExportView;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/** Control API {@code POST /__admin/sandbox/exports/{uuid}/complete}: finishes it now. */
public final class CompleteExportOperation {
  private final ExportStore store;
  private final Clock clock;
  private final JobTiming timing;

  private final ExportLifecycleEvents events;


  /** @param events told that the export's end moved to now (webhooks) */
  public CompleteExportOperation(
      ExportStore store, Clock clock, JobTiming timing, ExportLifecycleEvents events) {
    this.store = store;
    this.clock = clock;
    this.timing = timing;
    this.events = events;
  }

  public Export handle(String uuid) {
    Instant now = clock.instant();
    ExportJob job =
        store
            .findAnyAccount(uuid)
            .orElseThrow(() -> new ApiException(ApiError.CONTROL_EXPORT_NOT_FOUND, uuid));
    ExportJob done =
        store.update(
            job.accountId(), uuid, j -> j.complete(now, timing), ApiError.CONTROL_EXPORT_NOT_FOUND);
    events.endMoved(done);
    return ExportView.of(done, now);
  }
}
