package pelcro.exports.sandbox.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.ExportState;
import pelcro.exports.sandbox.domain.RandomIds;
import pelcro.exports.sandbox.faults.DownloadFault;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.files.PacedStream;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.store.RequestReads;
import pelcro.exports.sandbox.store.engine.StateUnavailable;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code downloadExport} ({@code GET /exports/{uuid}}): hands a finished export's file out exactly
 * once (download-export: the file is deleted after the first download).
 *
 * <p>The file is claimed for one transfer in one atomic store update, so concurrent downloads
 * cannot both win. The claim becomes the download when the last byte is written; a transfer that
 * breaks first withdraws it, so the client may try again. Another account's uuid is answered like
 * an unknown one.
 *
 * <p>A claim is a short lease that its node renews while it writes the file: a node that dies
 * mid-transfer (nobody withdraws its claim) leaves the file to other nodes within {@link
 * #CLAIM_LEASE}, not the file's whole lifetime.
 */
public final class DownloadExportOperation {
  /** How long a claim holds unless its node renews it (on the account's clock). */
  static final Duration CLAIM_LEASE = Duration.ofSeconds(20);

  /** How often a node renews the claims of the transfers it writes (real time). */
  static final Duration RENEW_EVERY = Duration.ofSeconds(5);

  /** One daemon thread per JVM renews every node's leases; renewing is one short commit. */
  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "download-claim-renewals");
            thread.setDaemon(true);
            return thread;
          });

  private final JobStore jobs;
  private final AccountClocks clocks;
  private final ExportData data;
  private final ExportLifecycleEvents events;
  private final Faults faults;
  private final UnsettledTransfers unsettled = new UnsettledTransfers();

  /** The transfers being written by this node, by claim id, with their renewals. */
  private final Map<String, ScheduledFuture<?>> writing = new ConcurrentHashMap<>();

  /**
   * @param context its events are told of each download (webhooks); its faults are the download
   *     faults that may strike (gone early, cut, slow)
   */
  public DownloadExportOperation(ExportContext context) {
    this.jobs = context.jobs();
    this.clocks = context.clocks();
    this.data = context.data();
    this.events = context.events();
    this.faults = context.faults();
  }

  public ExportDownload handle(Caller caller, String siteIdParam, String uuid) {
    SiteParameter.require(caller, siteIdParam);
    if (!settleEarlierTransfers()) {
      // The store is away: answered 503 now rather than after a second timeout below.
      throw new StateUnavailable("Redis: earlier download endings cannot be recorded", null);
    }
    Instant now = clocks.now(caller.accountId());
    String claimId = RandomIds.uuid().toString();
    jobs.find(caller.accountId(), uuid)
        .filter(j -> j.stateAt(now) == ExportState.FINISHED)
        .filter(j -> faults.downloadGone(j.accountId(), j.type()))
        // The file expires early; the claim below then answers "has expired", as the vendor does.
        .ifPresent(
            j -> jobs.update(j.accountId(), uuid, k -> k.expiredAt(now), ApiError.FILE_NOT_FOUND));
    ExportJob job =
        jobs.update(
            caller.accountId(),
            uuid,
            j -> j.claim(now, claimId, CLAIM_LEASE),
            ApiError.FILE_NOT_FOUND);
    ExportFile plain = data.file(job.query(), job.uuid(), job.finishAt());
    DownloadFault fault = faults.download(job.accountId(), job.type());
    ExportFile file =
        fault.none()
            ? plain
            : new ExportFile(
                plain.fileName(),
                () ->
                    new PacedStream(
                        plain.opener().open(), fault.cutAfterBytes(), fault.bytesPerSecond()));
    // Confirmed after the last byte with what this request read (the claimed job, the clock),
    // with the writes it leaves for then (the lint's notes): one more commit, no read.
    RequestReads.endsLater();
    ExportDownload.Transfer transfer =
        new ExportDownload.Transfer(caller.accountId(), job.uuid(), claimId, RequestReads.carry());
    writing.put(
        claimId,
        RENEWALS.scheduleWithFixedDelay(
            () -> renew(transfer),
            RENEW_EVERY.toMillis(),
            RENEW_EVERY.toMillis(),
            TimeUnit.MILLISECONDS));
    return new ExportDownload(file, transfer);
  }

  /**
   * How a transfer ended: {@code complete} when its last byte was written (the file is now
   * downloaded), otherwise its claim is withdrawn and the file can be downloaded again. When the
   * store cannot be reached, the ending is kept and recorded later (see {@link
   * UnsettledTransfers}).
   */
  public void finished(ExportDownload.Transfer transfer, boolean complete) {
    stopRenewing(transfer);
    settleEarlierTransfers();
    if (!settle(transfer, complete)) {
      unsettled.add(transfer, complete);
    }
  }

  /**
   * Records endings the store missed, oldest first; stops at the first it still cannot record.
   *
   * @return false when one could not be recorded (the store is away)
   */
  private boolean settleEarlierTransfers() {
    return unsettled.drain(this::settle);
  }

  /** Keeps a transfer's claim while this node writes it; stops once the claim is not its own. */
  private void renew(ExportDownload.Transfer transfer) {
    try {
      Instant now = clocks.now(transfer.accountId());
      ExportJob after = update(transfer, j -> j.renewClaim(transfer.claimId(), now, CLAIM_LEASE));
      if (!after.heldBy(transfer.claimId(), now)) {
        stopRenewing(transfer);
      }
    } catch (ApiException gone) {
      stopRenewing(transfer); // the account was reset or ended: nothing is left to hold
    } catch (StateUnavailable away) {
      // Tried again at the next renewal; the lease covers a few missed ones.
    }
  }

  /** Changes the transferred export's job; FILE_NOT_FOUND once it is gone. */
  private ExportJob update(ExportDownload.Transfer transfer, UnaryOperator<ExportJob> change) {
    return jobs.update(transfer.accountId(), transfer.uuid(), change, ApiError.FILE_NOT_FOUND);
  }

  private void stopRenewing(ExportDownload.Transfer transfer) {
    ScheduledFuture<?> renewal = writing.remove(transfer.claimId());
    if (renewal != null) {
      renewal.cancel(false);
    }
  }

  /** Records one ending; false when the store cannot be reached. */
  private boolean settle(ExportDownload.Transfer transfer, boolean complete) {
    try (RequestReads.Scope reads = RequestReads.resume(transfer.reads())) {
      AtomicReference<Instant> at = new AtomicReference<>();
      ExportJob after =
          jobs.updateToEnd(
              transfer.accountId(),
              transfer.uuid(),
              j -> {
                Instant now = clocks.now(transfer.accountId());
                at.set(now);
                return complete
                    ? j.confirmDownload(transfer.claimId(), now)
                    : j.withdrawClaim(transfer.claimId());
              },
              ApiError.FILE_NOT_FOUND);
      if (complete && at.get().equals(after.downloadedAt())) {
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
