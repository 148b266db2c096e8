package pelcro.exports.sandbox.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * request-export, Date Range Limits: "You can export up to 6 months of data at a time", and the
 * range cannot end before it starts.
 *
 * <p>"Six months" is defined so that every range a person calls six months passes (spec x-decision
 * on the 400 of requestExport): whole UTC days are compared, the six months are clamped to the
 * month's end (Aug 31 + 6 months = Feb 28), and a range starting on a month's last day may run to
 * the last day of the sixth month after (Feb 28 to Aug 31).
 */
public final class DateRangeRule {
  static final int MAX_MONTHS = 6;

  private DateRangeRule() {}

  /** Throws "Invalid date range", with {@code errors.date_to} saying why. */
  public static void check(long dateFrom, long dateTo) {
    if (dateFrom > dateTo) {
      throw refusal("The date to must be a date after or equal to date from.");
    }
    if (day(dateTo).isAfter(lastDay(day(dateFrom)))) {
      throw refusal("The date range cannot exceed 6 months.");
    }
  }

  /** The last UTC day a range starting on {@code first} may end on. */
  static LocalDate lastDay(LocalDate first) {
    LocalDate limit = first.plusMonths(MAX_MONTHS); // clamps: Aug 31 -> Feb 28
    boolean monthEnd = first.equals(first.with(TemporalAdjusters.lastDayOfMonth()));
    return monthEnd ? limit.with(TemporalAdjusters.lastDayOfMonth()) : limit;
  }

  private static LocalDate day(long epochSecond) {
    return LocalDate.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static ApiException refusal(String why) {
    return new ApiException(ApiError.INVALID_DATE_RANGE)
        .withErrors(Map.of("date_to", List.of(why)));
  }
}
