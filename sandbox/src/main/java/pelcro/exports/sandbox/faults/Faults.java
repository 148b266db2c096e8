package pelcro.exports.sandbox.faults;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.Fault;
import pelcro.exports.sandbox.domain.FaultKind;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.store.FaultStore;

/**
 * Where scheduled faults strike: the operations and the webhooks ask at each occasion, and a fault
 * that strikes turns into the vendor's own behaviour there (an error answer, a failed or held
 * export, an expired file, a cut download, a late webhook). Each strike is logged under {@code
 * --verbose}.
 */
public final class Faults {
  /** No fault ever strikes (the JUnit-free default of a few tests). */
  public static final Faults NONE = new Faults(null, ActivityLog.QUIET);

  private final FaultStore store;
  private final ActivityLog log;

  public Faults(FaultStore store, ActivityLog log) {
    this.store = store;
    this.log = log;
  }

  /** Before an operation runs: waits its scheduled latency, or throws its scheduled error. */
  public void beforeOperation(long accountId, String operationId) {
    strike(FaultKind.OPERATION_LATENCY, accountId, operationId)
        .ifPresent(
            f -> {
              try {
                Thread.sleep(f.number("latency_ms", 0));
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Optional<Fault> error = strike(FaultKind.OPERATION_ERROR, accountId, operationId);
    if (error.isPresent()) {
      throw OperationErrors.of(error.get());
    }
  }

  /** Whether "Nothing to export" is forced for this request. */
  public boolean nothingToExport(long accountId, String type) {
    return strike(FaultKind.NOTHING_TO_EXPORT, accountId, type).isPresent();
  }

  /**
   * A new job as the lifecycle faults shape it (failing, held, expiring early), or as it is. A
   * fault that strikes writes the shaped job in its own commit: the caller's update of the job to
   * what this returns then finds it done.
   */
  public ExportJob shape(ExportJob job) {
    Optional<ExportJob> atStart =
        strikeOnJob(
            FaultKind.EXPORT_FAILS_AT_START,
            job,
            false,
            f -> job.failingAt(job.startAt(), reason(f)));
    if (atStart.isPresent()) {
      return atStart.get();
    }
    Optional<ExportJob> midway =
        strikeOnJob(
            FaultKind.EXPORT_FAILS_WHILE_PROCESSING,
            job,
            false,
            f -> {
              Duration half = Duration.between(job.startAt(), job.finishAt()).dividedBy(2);
              return job.failingAt(job.startAt().plus(half), reason(f));
            });
    if (midway.isPresent()) {
      return midway.get();
    }
    // A failing export has no file, so no file fault is weighed for it; a held one has, once
    // released: its file's lifetime is set first and kept while it is held. The file's strike is
    // noted with the export, to be given back if it never gets its file.
    ExportJob expiring =
        strikeOnJob(
                FaultKind.FILE_EXPIRES,
                job,
                true,
                f -> job.expiringAfter(Duration.ofSeconds(f.number("seconds", 0))))
            .orElse(job);
    return strikeOnJob(
            FaultKind.EXPORT_HELD,
            expiring,
            false,
            hold -> expiring.held(!"processing".equals(hold.text("state"))))
        .orElse(expiring);
  }

  /**
   * An export was failed by hand, so it will never have its file: a {@code file_expires} fault that
   * struck for that file gives its strike back and strikes the next export instead. (Its webhook
   * faults strike its {@code export.failed} event: {@code ExportLifecycleEvents}.)
   */
  public void failedByHand(ExportJob job) {
    if (store == null) {
      return;
    }
    store
        .giveBackFileStrike(job.uuid())
        .ifPresent(
            f ->
                log.fault(
                    job.accountId(),
                    f.id()
                        + " "
                        + f.kind().wireName()
                        + " given back ("
                        + f.struck()
                        + (f.times() == null ? "" : " of " + f.times())
                        + "): "
                        + job.uuid()
                        + " has no file"));
  }

  /** Whether the file is gone early ("already downloaded or has expired"). */
  public boolean downloadGone(long accountId, String type) {
    return strike(FaultKind.DOWNLOAD_GONE, accountId, type).isPresent();
  }

  /** How a download is streamed: cut after some bytes, slowed, or as it is. */
  public DownloadFault download(long accountId, String type) {
    Optional<Fault> cut = strike(FaultKind.DOWNLOAD_CUT, accountId, type);
    if (cut.isPresent()) {
      return DownloadFault.cutAfter(cut.get().number("after_bytes", 0));
    }
    return strike(FaultKind.DOWNLOAD_SLOW, accountId, type)
        .map(f -> DownloadFault.slowedTo(f.number("bytes_per_second", 1)))
        .orElse(DownloadFault.NONE);
  }

  /** How a webhook event is delivered. */
  public DeliveryFault webhook(long accountId, ExportEventType type) {
    String event = type.wireName();
    return new DeliveryFault(
        strike(FaultKind.WEBHOOK_DUPLICATE, accountId, event).isPresent(),
        strike(FaultKind.WEBHOOK_LATE, accountId, event)
            .map(f -> Duration.ofSeconds(f.number("seconds", 0)))
            .orElse(Duration.ZERO),
        strike(FaultKind.WEBHOOK_OUT_OF_ORDER, accountId, event).isPresent(),
        strike(FaultKind.WEBHOOK_BAD_SIGNATURE, accountId, event).isPresent(),
        strike(FaultKind.WEBHOOK_DROPPED, accountId, event).isPresent());
  }

  private Optional<Fault> strike(FaultKind kind, long accountId, String target) {
    return store == null
        ? Optional.empty()
        : logged(store.strike(kind, accountId, target), kind, accountId, target);
  }

  /** A strike that shapes a job just made, written with the strike; the job as shaped. */
  private Optional<ExportJob> strikeOnJob(
      FaultKind kind, ExportJob job, boolean onFile, Function<Fault, ExportJob> shaping) {
    if (store == null) {
      return Optional.empty();
    }
    Optional<FaultStore.Struck> struck = store.strikeOnJob(kind, job, onFile, shaping);
    logged(struck.map(FaultStore.Struck::fault), kind, job.accountId(), job.type());
    return struck.map(FaultStore.Struck::job);
  }

  private Optional<Fault> logged(
      Optional<Fault> struck, FaultKind kind, long accountId, String target) {
    struck.ifPresent(
        f ->
            log.fault(
                accountId,
                f.id()
                    + " "
                    + kind.wireName()
                    + " struck ("
                    + f.struck()
                    + (f.times() == null ? "" : " of " + f.times())
                    + ") on "
                    + target));
    return struck;
  }

  private static String reason(Fault fault) {
    String reason = fault.text("reason");
    return reason == null || reason.isBlank() ? "The export failed." : reason;
  }

  /** The answers an operation fault may give, in the vendor's shape. */
  static final class OperationErrors {
    private OperationErrors() {}

    static ApiException of(Fault fault) {
      int status = (int) fault.number("status", 503);
      ApiError error =
          switch (status) {
            case 429 -> ApiError.TOO_MANY_REQUESTS;
            case 500 -> ApiError.SERVER_ERROR;
            case 502 -> ApiError.BAD_GATEWAY;
            case 504 -> ApiError.GATEWAY_TIMEOUT;
            default -> ApiError.SERVICE_UNAVAILABLE;
          };
      ApiException e = new ApiException(error);
      long retryAfter = fault.number("retry_after", status == 503 || status == 429 ? 1 : 0);
      return retryAfter > 0 ? e.withRetryAfter(Duration.ofSeconds(retryAfter)) : e;
    }
  }
}
