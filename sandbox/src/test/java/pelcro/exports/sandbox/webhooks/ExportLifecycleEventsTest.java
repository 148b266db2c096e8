package pelcro.exports.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;

class ExportLifecycleEventsTest {
  record Published(ExportEventType type, ExportFacts export, Instant at) {}

  static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  final List<Published> published = new ArrayList<>();
  final List<String> withdrawn = new ArrayList<>();
  final ExportEventSink sink =
      new ExportEventSink() {
        @Override
        public void publish(
            ExportEventType type,
            ExportFacts export,
            Instant happenedAt,
            pelcro.exports.sandbox.faults.DeliveryFault fault) {
          published.add(new Published(type, export, happenedAt));
        }

        @Override
        public java.util.Optional<pelcro.exports.sandbox.faults.DeliveryFault> withdraw(
            String exportUuid, ExportEventType type) {
          withdrawn.add(exportUuid + " " + type);
          return java.util.Optional.empty();
        }
      };
  final ExportLifecycleEvents events =
      new ExportLifecycleEvents(
          sink,
          id -> "owner@example.com",
          pelcro.exports.sandbox.log.ActivityLog.QUIET,
          pelcro.exports.sandbox.faults.Faults.NONE);
  final JobTiming timing = JobTiming.of(Duration.ofSeconds(3), Duration.ofDays(7));
  final ExportJob job =
      ExportJob.queued(
          "u-1",
          1,
          101,
          new ExportQuery(
              1001, "subscriptions", Map.of("date_from", 1704067200L, "date_to", 1711929600L)),
          NOW,
          timing);

  /** Asserts that one event alone was published, of {@code type} at {@code at}: its export. */
  private ExportFacts onlyPublished(ExportEventType type, Instant at) {
    assertThat(published).hasSize(1);
    Published only = published.get(0);
    assertThat(only.type()).isEqualTo(type);
    assertThat(only.at()).isEqualTo(at);
    return only.export();
  }

  @Test
  void aRequestPublishesRequestedNowAndSchedulesCompletedAtThePlannedFinish() {
    events.requested(job);

    assertThat(published)
        .extracting(Published::type)
        .containsExactly(ExportEventType.REQUESTED, ExportEventType.COMPLETED);
    Published requested = published.get(0);
    assertThat(requested.at()).isEqualTo(NOW);
    assertThat(requested.export().startedAt()).isNull();
    assertThat(requested.export().finishedAt()).isNull();
    assertThat(requested.export().dateFrom()).isEqualTo(1704067200L);
    assertThat(requested.export().userEmail()).isEqualTo("owner@example.com");
    Published completed = published.get(1);
    assertThat(completed.at()).isEqualTo(job.finishAt());
    assertThat(completed.export().finishedAt()).isEqualTo(job.finishAt());
    assertThat(completed.export().updatedAt()).isEqualTo(job.finishAt());
  }

  @Test
  void aForcedFailureWithdrawsTheScheduledCompletionAndPublishesFailedAtThatMoment() {
    Instant failedAt = NOW.plusSeconds(1);
    events.endMoved(job.fail(failedAt, "Disk full"));

    assertThat(withdrawn).containsExactly("u-1 COMPLETED", "u-1 FAILED");
    assertThat(onlyPublished(ExportEventType.FAILED, failedAt).failedReason())
        .isEqualTo("Disk full");
  }

  @Test
  void aDownloadPublishesDownloadedAtTheDownloadInstant() {
    Instant downloadAt = job.finishAt().plusSeconds(30);
    events.downloaded(
        job.claim(downloadAt, "c1", Duration.ofHours(1)).confirmDownload("c1", downloadAt));

    assertThat(onlyPublished(ExportEventType.DOWNLOADED, downloadAt).updatedAt())
        .isEqualTo(downloadAt);
  }
}
