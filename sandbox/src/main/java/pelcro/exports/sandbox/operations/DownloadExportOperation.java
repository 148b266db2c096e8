package pelcro.exports.sandbox.operations;

import java.time.Clock;
import java.time.Instant;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code downloadExport} ({@code GET /exports/{uuid}}): hands a finished export's file out
 * exactly once (download-export: the file is deleted after the first download).
 *
 * <p>The once-only check and the mark happen in one atomic store update, so concurrent
 * downloads cannot both win. Another account's uuid is answered like an unknown one.
 */
public final class DownloadExportOperation {
  private final ExportStore store;
  private final ExportData data;
  private final Clock clock;

  private final ExportLifecycleEvents events;


  /** @param events told of each download (webhooks) */
  public DownloadExportOperation(
      ExportStore store, ExportData data, Clock clock, ExportLifecycleEvents events) {
    this.store = store;
    this.data = data;
    this.clock = clock;
    this.events = events;
  }

  public ExportDownload handle(Caller caller, String siteIdParam, String uuid) {
    SiteParameter.require(caller, siteIdParam);
    Instant now = clock.instant();
    ExportJob job =
        store.update(caller.accountId(), uuid, j -> j.download(now), ApiError.FILE_NOT_FOUND);
    events.downloaded(job);
    return new ExportDownload(data.file(job.query(), job.uuid(), job.finishAt()));
  }
}
