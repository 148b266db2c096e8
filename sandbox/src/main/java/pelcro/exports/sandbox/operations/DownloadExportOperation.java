package pelcro.exports.sandbox.operations;

import java.time.Duration;
import java.time.Instant;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.domain.ExportState;
import pelcro.exports.sandbox.faults.DownloadFault;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.files.PacedStream;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.RandomIds;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code downloadExport} ({@code GET /exports/{uuid}}): hands a finished export's file out
 * exactly once (download-export: the file is deleted after the first download).
 *
 * <p>The file is claimed for one transfer in one atomic store update, so concurrent downloads
 * cannot both win. The claim becomes the download when the last byte is written; a transfer
 * that breaks first withdraws it, so the client may try again. Another account's uuid is
 * answered like an unknown one.
 */
public final class DownloadExportOperation {
  /** How long a claim holds if its node never reports the transfer's end (it died). */
  static final Duration CLAIM_LEASE = Duration.ofHours(1);

  private final JobStore jobs;
  private final AccountClocks clocks;
  private final ExportData data;
  private final ExportLifecycleEvents events;
  private final Faults faults;
  private final UnsettledTransfers unsettled = new UnsettledTransfers();

  /**
   * @param events told of each download (webhooks)
   * @param faults the download faults that may strike (gone early, cut, slow)
   */
  public DownloadExportOperation(JobStore jobs, AccountClocks clocks, ExportData data,
      ExportLifecycleEvents events, Faults faults) {
    this.jobs = jobs;
    this.clocks = clocks;
    this.data = data;
    this.events = events;
    this.faults = faults;
  }

  public ExportDownload handle(Caller caller, String siteIdParam, String uuid) {
    SiteParameter.require(caller, siteIdParam);
    settleEarlierTransfers();
    Instant now = clocks.now(caller.accountId());
    String claimId = RandomIds.uuid().toString();
    jobs.find(caller.accountId(), uuid)
        .filter(j -> j.stateAt(now) == ExportState.FINISHED)
        .filter(j -> faults.downloadGone(j.accountId(), j.type()))
        // The file expires early; the claim below then answers "has expired", as the vendor does.
        .ifPresent(j -> jobs.update(j.accountId(), uuid, k -> k.expiredAt(now), ApiError.FILE_NOT_FOUND));
    ExportJob job = jobs.update(caller.accountId(), uuid, j -> j.claim(now, claimId, CLAIM_LEASE),
        ApiError.FILE_NOT_FOUND);
    ExportFile plain = data.file(job.query(), job.uuid(), job.finishAt());
    DownloadFault fault = faults.download(job.accountId(), job.type());
    ExportFile file = fault.none() ? plain : new ExportFile(plain.fileName(),
        () -> new PacedStream(plain.opener().open(), fault.cutAfterBytes(), fault.bytesPerSecond()));
    return new ExportDownload(file,
        new ExportDownload.Transfer(caller.accountId(), job.uuid(), claimId));
  }

  /**
   * How a transfer ended: {@code complete} when its last byte was written (the file is now
   * downloaded), otherwise its claim is withdrawn and the file can be downloaded again. When the
   * store cannot be reached, the ending is kept and recorded later (see {@link UnsettledTransfers}).
   */
  public void finished(ExportDownload.Transfer transfer, boolean complete) {
    settleEarlierTransfers();
    if (!settle(transfer, complete)) {
      unsettled.add(transfer, complete);
    }
  }

  /** Records endings the store missed, oldest first; stops at the first it still cannot record. */
  private void settleEarlierTransfers() {
    unsettled.drain(this::settle);
  }

  /** Records one ending; false when the store cannot be reached. */
  private boolean settle(ExportDownload.Transfer transfer, boolean complete) {
    try {
      Instant now = clocks.now(transfer.accountId());
      ExportJob after = jobs.update(transfer.accountId(), transfer.uuid(),
          j -> complete ? j.confirmDownload(transfer.claimId(), now)
              : j.withdrawClaim(transfer.claimId()), ApiError.FILE_NOT_FOUND);
      if (complete && now.equals(after.downloadedAt())) {
        data.release(after.uuid());
        events.downloaded(after);
      } else if (!complete) {
        events.downloadBroken(transfer.accountId(), transfer.uuid());
      }
    } catch (ApiException gone) {
      // The account was reset or ended during the transfer: nothing is left to mark.
    } catch (StateUnavailable away) {
      return false;
    }
    return true;
  }
}
