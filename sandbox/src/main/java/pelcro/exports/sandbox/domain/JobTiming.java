package pelcro.exports.sandbox.domain;

import java.time.Duration;

/**
 * How long an export takes: queued for {@code queueDelay}, finished {@code jobDuration} after the
 * request, and its file kept for {@code fileTtl} (download-export: "has expired").
 */
public record JobTiming(Duration jobDuration, Duration queueDelay, Duration fileTtl) {

  /** The queue delay is a fraction of the job: at most 1 s, at most half the job. */
  public static JobTiming of(Duration jobDuration, Duration fileTtl) {
    Duration half = jobDuration.dividedBy(2);
    Duration queue = half.compareTo(Duration.ofSeconds(1)) < 0 ? half : Duration.ofSeconds(1);
    return new JobTiming(jobDuration, queue, fileTtl);
  }
}
