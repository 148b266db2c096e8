package pelcro.exports.sandbox.operations;

import java.time.Instant;
import java.util.UUID;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.sandbox.domain.ExportJob;

/**
 * A job as the API shows it at an instant: the spec's {@code Export}, its nine documented fields
 * and nothing else (export attributes).
 */
public final class ExportView {
  private ExportView() {}

  public static Export of(ExportJob job, Instant now) {
    return new Export()
        .accountId(job.accountId())
        .createdAt(seconds(job.createdAt()))
        .failedReason(job.failedReasonAt(now))
        .finishedAt(seconds(job.finishedAt(now)))
        .startedAt(seconds(job.startedAt(now)))
        ._object(ExportType.fromValue(job.type()))
        .updatedAt(seconds(job.updatedAt(now)))
        .userId(job.userId())
        .uuid(UUID.fromString(job.uuid()));
  }

  private static Long seconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }
}
