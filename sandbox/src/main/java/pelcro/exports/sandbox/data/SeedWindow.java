package pelcro.exports.sandbox.data;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The period the seeded records cover: from a fixed start in 2023 to the anchor (the sandbox
 * clock's present at start).
 *
 * <p>Why a fixed start: the vendor's request examples ask for January to April 2024 and the
 * accounting package of January 2024 (request-export). A window that starts before them and runs to
 * the present holds records for every example, sent verbatim, today and in years to come. An anchor
 * less than {@link #MINIMUM_MONTHS} months after the fixed start (a test clock set in the past)
 * moves the start back, so the window never shrinks below that.
 *
 * @param start the first instant a record may be created at
 * @param end the anchor: no record is created or updated after it
 */
public record SeedWindow(Instant start, Instant end) {
  /** The fixed start: before the earliest documented example (January 2024). */
  public static final Instant FIXED_START = Instant.parse("2023-01-01T00:00:00Z");

  /** The shortest window, in months before the anchor. */
  public static final int MINIMUM_MONTHS = 24;

  public SeedWindow {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("The seeded window must end after it starts");
    }
  }

  /** The window ending at {@code anchor}: from 2023-01-01, or 24 months back if that is earlier. */
  public static SeedWindow endingAt(Instant anchor) {
    Instant minimum = anchor.atZone(ZoneOffset.UTC).minusMonths(MINIMUM_MONTHS).toInstant();
    return new SeedWindow(minimum.isBefore(FIXED_START) ? minimum : FIXED_START, anchor);
  }
}
