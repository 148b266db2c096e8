package pelcro.exports.sandbox.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * request-export, Date Range Limits: "You can export up to 6 months of data at a time", and the
 * range cannot end before it starts. Months are calendar months in UTC (spec x-decision).
 */
public final class DateRangeRule {
  static final int MAX_MONTHS = 6;

  private DateRangeRule() {}

  /** Throws "Invalid date range", with {@code errors.date_to} saying why. */
  public static void check(long dateFrom, long dateTo) {
    if (dateFrom > dateTo) {
      throw refusal("The date to must be a date after or equal to date from.");
    }
    Instant limit =
        Instant.ofEpochSecond(dateFrom).atZone(ZoneOffset.UTC).plusMonths(MAX_MONTHS).toInstant();
    if (Instant.ofEpochSecond(dateTo).isAfter(limit)) {
      throw refusal("The date range cannot exceed 6 months.");
    }
  }

  private static ApiException refusal(String why) {
    return new ApiException(ApiError.INVALID_DATE_RANGE)
        .withErrors(Map.of("date_to", List.of(why)));
  }
}
