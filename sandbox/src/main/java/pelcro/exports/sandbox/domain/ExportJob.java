package pelcro.exports.sandbox.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import pelcro.exports.sandbox.data.ExportQuery;

/**
 * One export job, immutable: its schedule is fixed when it is requested and its state is derived
 * from the account's clock when read, so no background thread moves it (export attributes).
 *
 * <p>Transitions ({@link #complete}, {@link #fail}, {@link #claim}, {@link #confirmDownload},
 * {@link #withdrawClaim}) return a new job or throw the documented error.
 *
 * @param startAt when processing starts (or started)
 * @param finishAt when the file is (or was) ready; ignored once failed
 * @param expiresAt when an undownloaded file is deleted
 * @param claim the download in progress, or null
 */
public record ExportJob(
    String uuid,
    long accountId,
    long userId,
    ExportQuery query,
    Instant createdAt,
    Instant startAt,
    Instant finishAt,
    Instant expiresAt,
    Instant failedAt,
    String failedReason,
    Instant downloadedAt,
    DownloadClaim claim) {

  /** The end of time: a held export starts or finishes "never", until it is released. */
  public static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

  /** A job requested at {@code now}, on the given timing. */
  public static ExportJob queued(
      String uuid, long accountId, long userId, ExportQuery query, Instant now, JobTiming timing) {
    Instant finish = now.plus(timing.jobDuration());
    return new ExportJob(
        uuid,
        accountId,
        userId,
        query,
        now,
        now.plus(timing.queueDelay()),
        finish,
        finish.plus(timing.fileTtl()),
        null,
        null,
        null,
        null);
  }

  public String type() {
    return query.type();
  }

  public long siteId() {
    return query.siteId();
  }

  public ExportState stateAt(Instant now) {
    // A download or a failure is a recorded fact, not a schedule: it holds even for a reader
    // whose "now" was taken a moment before it happened (concurrent requests).
    if (downloadedAt != null) {
      return ExportState.DOWNLOADED;
    }
    if (failedAt != null && !now.isBefore(failedAt)) {
      return ExportState.FAILED; // a failure scheduled by a fault holds from its instant on
    }
    if (claim != null && claim.heldAt(now)) {
      return ExportState.DOWNLOADING;
    }
    if (!now.isBefore(finishAt)) {
      return now.isBefore(expiresAt) ? ExportState.FINISHED : ExportState.EXPIRED;
    }
    return now.isBefore(startAt) ? ExportState.QUEUED : ExportState.PROCESSING;
  }

  /** {@code started_at}: null while queued. */
  public Instant startedAt(Instant now) {
    return now.isBefore(startAt) ? null : startAt;
  }

  /** {@code finished_at}: null until the file is ready, and for a failed export. */
  public Instant finishedAt(Instant now) {
    return switch (stateAt(now)) {
      case FINISHED, DOWNLOADING, DOWNLOADED, EXPIRED -> finishAt;
      case QUEUED, PROCESSING, FAILED -> null;
    };
  }

  /** {@code failed_reason}: null unless failed. */
  public String failedReasonAt(Instant now) {
    return stateAt(now) == ExportState.FAILED ? failedReason : null;
  }

  /** {@code updated_at}: the latest transition that has happened by {@code now}. */
  public Instant updatedAt(Instant now) {
    return Stream.of(createdAt, startedAt(now), finishedAt(now), failedAt, downloadedAt)
        .filter(t -> t != null && !t.isAfter(now))
        .max(Instant::compareTo)
        .orElse(createdAt);
  }

  /**
   * A fault: the export fails at {@code at} (its start, or while processing) with {@code reason}.
   */
  public ExportJob failingAt(Instant at, String reason) {
    return withState(startAt, finishAt, expiresAt, at, reason, null, null);
  }

  /**
   * A fault: the export stays queued (or processing) until completed or failed by hand. Its file's
   * lifetime is kept ({@code expiresAt} stays that long after {@code finishAt}), so a {@code
   * file_expires} fault holds once it is completed.
   */
  public ExportJob held(boolean queued) {
    return withState(
        queued ? NEVER : startAt,
        NEVER,
        NEVER.plus(Duration.between(finishAt, expiresAt)),
        null,
        null,
        null,
        null);
  }

  /** A fault: the finished file expires {@code after} its finish instead of after its TTL. */
  public ExportJob expiringAfter(Duration after) {
    return withState(startAt, finishAt, finishAt.plus(after), failedAt, failedReason, null, null);
  }

  /** A fault: the file expires now, before anyone downloads it. */
  public ExportJob expiredAt(Instant now) {
    return withState(startAt, finishAt, now, failedAt, failedReason, downloadedAt, claim);
  }

  /** Whether it waits to be released (a fault held it). */
  public boolean held() {
    return finishAt.equals(NEVER);
  }

  /**
   * Control API: finishes a running export at {@code now}, as its faults have it: a failure a fault
   * scheduled (at its start, or halfway) happens now instead, since the export is taken through its
   * processing now; the file keeps its lifetime (a {@code file_expires} fault).
   */
  public ExportJob complete(Instant now, JobTiming timing) {
    requireRunning(now);
    if (failedAt != null) {
      return fail(now, failedReason);
    }
    return withState(startedBy(now), now, now.plus(fileLifetime(timing)), null, null, null, null);
  }

  /** How long the finished file is kept: the TTL, or what a {@code file_expires} fault set. */
  private Duration fileLifetime(JobTiming timing) {
    // A job held before held jobs kept their lifetime has none recorded: the TTL, as then.
    return expiresAt.equals(NEVER) ? timing.fileTtl() : Duration.between(finishAt, expiresAt);
  }

  /** Control API: fails a running export at {@code now}. */
  public ExportJob fail(Instant now, String reason) {
    requireRunning(now);
    return withState(startedBy(now), finishAt, expiresAt, now, reason, null, null);
  }

  /**
   * Takes the file for one transfer: only a finished export that nobody is downloading, only once
   * (download-export). Throws the documented error for every other state.
   */
  public ExportJob claim(Instant now, String claimId, Duration lease) {
    return switch (stateAt(now)) {
      case FINISHED -> with(new DownloadClaim(claimId, now.plus(lease)), null);
      case QUEUED, PROCESSING -> throw new ApiException(ApiError.NOT_READY);
      case FAILED -> throw new ApiException(ApiError.FILE_NOT_FOUND);
      case DOWNLOADING, DOWNLOADED, EXPIRED -> throw new ApiException(ApiError.ALREADY_DOWNLOADED);
    };
  }

  /**
   * The transfer {@code claimId} is still being written at {@code now}: its claim holds for {@code
   * lease} more. A claim it no longer holds (it lapsed and another transfer took the file, or the
   * file was handed out) stays as it is.
   */
  public ExportJob renewClaim(String claimId, Instant now, Duration lease) {
    return holds(claimId) && claim.until().isBefore(now.plus(lease))
        ? with(new DownloadClaim(claimId, now.plus(lease)), null)
        : this;
  }

  /** Whether the transfer {@code claimId} holds the file now. */
  public boolean heldBy(String claimId, Instant now) {
    return holds(claimId) && claim.heldAt(now);
  }

  /** The transfer {@code claimId} wrote its last byte at {@code now}: the file is handed out. */
  public ExportJob confirmDownload(String claimId, Instant now) {
    return holds(claimId) ? with(null, now) : this;
  }

  /** The transfer {@code claimId} broke: the file may be downloaded again. */
  public ExportJob withdrawClaim(String claimId) {
    return holds(claimId) ? with(null, null) : this;
  }

  private boolean holds(String claimId) {
    return claim != null && claim.id().equals(claimId) && downloadedAt == null;
  }

  private ExportJob with(DownloadClaim newClaim, Instant downloaded) {
    return withState(startAt, finishAt, expiresAt, failedAt, failedReason, downloaded, newClaim);
  }

  /** This job (same id, owner, query and request instant) with the given schedule and outcome. */
  private ExportJob withState(
      Instant start,
      Instant finish,
      Instant expires,
      Instant failed,
      String reason,
      Instant downloaded,
      DownloadClaim newClaim) {
    return new ExportJob(
        uuid,
        accountId,
        userId,
        query,
        createdAt,
        start,
        finish,
        expires,
        failed,
        reason,
        downloaded,
        newClaim);
  }

  private Instant startedBy(Instant now) {
    return startAt.isAfter(now) ? now : startAt;
  }

  private void requireRunning(Instant now) {
    ExportState state = stateAt(now);
    if (!state.running()) {
      throw new ApiException(ApiError.CONTROL_NOT_RUNNING, uuid, state.name().toLowerCase());
    }
  }
}
