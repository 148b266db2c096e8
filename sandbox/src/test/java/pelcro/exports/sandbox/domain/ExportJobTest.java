package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;

class ExportJobTest {
  private static final Duration LEASE = Duration.ofHours(1);
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final JobTiming TIMING = JobTiming.of(Duration.ofSeconds(10), Duration.ofDays(7));
  private final ExportJob job =
      ExportJob.queued("u1", 1, 101, new ExportQuery(1001, "subscriptions", Map.of()), T0, TIMING);

  @Test
  void isQueuedThenProcessingThenFinishedAsTheClockMoves() {
    assertThat(job.stateAt(T0)).isEqualTo(ExportState.QUEUED);
    assertThat(job.startedAt(T0)).isNull();
    assertThat(job.stateAt(T0.plusSeconds(1))).isEqualTo(ExportState.PROCESSING);
    assertThat(job.startedAt(T0.plusSeconds(1))).isEqualTo(T0.plusSeconds(1));
    assertThat(job.finishedAt(T0.plusSeconds(9))).isNull();
    assertThat(job.stateAt(T0.plusSeconds(10))).isEqualTo(ExportState.FINISHED);
    assertThat(job.finishedAt(T0.plusSeconds(10))).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void setsUpdatedAtToTheLatestTransitionSoFar() {
    assertThat(job.updatedAt(T0)).isEqualTo(T0);
    assertThat(job.updatedAt(T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(1));
    assertThat(job.updatedAt(T0.plusSeconds(50))).isEqualTo(T0.plusSeconds(10));
  }

  @Test
  void queuesForAtMostOneSecondOrHalfTheJob() {
    assertThat(JobTiming.of(Duration.ofSeconds(10), Duration.ofDays(1)).queueDelay())
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(JobTiming.of(Duration.ofMillis(400), Duration.ofDays(1)).queueDelay())
        .isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void completesEarlyOnRequest() {
    ExportJob done = job.complete(T0, TIMING);
    assertThat(done.stateAt(T0)).isEqualTo(ExportState.FINISHED);
    assertThat(done.startedAt(T0)).isEqualTo(T0);
  }

  @Test
  void failsWithAReasonAndNoFinishedAt() {
    ExportJob failed = job.fail(T0.plusSeconds(2), "boom");
    Instant later = T0.plusSeconds(60);
    assertThat(failed.stateAt(later)).isEqualTo(ExportState.FAILED);
    assertThat(failed.failedReasonAt(later)).isEqualTo("boom");
    assertThat(failed.finishedAt(later)).isNull();
    assertThat(failed.updatedAt(later)).isEqualTo(T0.plusSeconds(2));
    assertThatThrownBy(() -> failed.claim(later, "c1", LEASE))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.FILE_NOT_FOUND);
  }

  @Test
  void refusesToCompleteOrFailAFinishedExport() {
    assertThatThrownBy(() -> job.complete(T0.plusSeconds(10), TIMING))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.CONTROL_NOT_RUNNING);
    assertThatThrownBy(() -> job.fail(T0.plusSeconds(11), "x"))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.CONTROL_NOT_RUNNING);
  }

  @Test
  void downloadsOnlyAFinishedFileAndOnlyOnce() {
    assertThatThrownBy(() -> job.claim(T0.plusSeconds(5), "c1", LEASE))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.NOT_READY);
    ExportJob claimed = job.claim(T0.plusSeconds(10), "c1", LEASE);
    assertThat(claimed.stateAt(T0.plusSeconds(10))).isEqualTo(ExportState.DOWNLOADING);
    assertThatThrownBy(() -> claimed.claim(T0.plusSeconds(10), "c2", LEASE))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.ALREADY_DOWNLOADED);
    ExportJob taken = claimed.confirmDownload("c1", T0.plusSeconds(11));
    assertThat(taken.downloadedAt()).isEqualTo(T0.plusSeconds(11));
    assertThatThrownBy(() -> taken.claim(T0.plusSeconds(12), "c3", LEASE))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.ALREADY_DOWNLOADED);
    // Even a reader whose clock reading predates the download sees it as taken.
    assertThatThrownBy(() -> taken.claim(T0.plusSeconds(9), "c4", LEASE))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.ALREADY_DOWNLOADED);
  }

  @Test
  void aBrokenTransferLeavesTheFileToDownloadAgain() {
    ExportJob claimed = job.claim(T0.plusSeconds(10), "c1", LEASE);
    ExportJob withdrawn = claimed.withdrawClaim("c1");
    assertThat(withdrawn.stateAt(T0.plusSeconds(10))).isEqualTo(ExportState.FINISHED);
    ExportJob retried = withdrawn.claim(T0.plusSeconds(12), "c2", LEASE);
    assertThat(retried.confirmDownload("c1", T0.plusSeconds(13)).downloadedAt())
        .as("only the transfer holding the claim can confirm it")
        .isNull();
    assertThat(retried.confirmDownload("c2", T0.plusSeconds(13)).downloadedAt()).isNotNull();
  }

  @Test
  void aClaimWhoseNodeNeverReportedLapsesAfterItsLease() {
    ExportJob claimed = job.claim(T0.plusSeconds(10), "c1", LEASE);
    assertThat(claimed.stateAt(T0.plusSeconds(10).plus(LEASE))).isEqualTo(ExportState.FINISHED);
  }

  @Test
  void expiresAnUndownloadedFileAfterItsTimeToLive() {
    Instant late = T0.plusSeconds(10).plus(Duration.ofDays(7));
    assertThat(job.stateAt(late)).isEqualTo(ExportState.EXPIRED);
    assertThatThrownBy(() -> job.claim(late, "c1", LEASE))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.ALREADY_DOWNLOADED);
  }
}
