package pelcro.exports.sandbox.tryit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the date ranges of the spec's request examples into the sandbox's seeded window, for
 * the docs page only.
 *
 * <p>Why: the vendor's examples ask for January to April 2024, but the sandbox's records cover
 * the 24 months before its clock's present, so a visitor sending an example unchanged would be
 * told "Nothing to export". Each example keeps its span of whole months and its day of month;
 * the latest example range is made to end in the current month. Nothing in the spec file
 * changes: only the copy served at {@code /docs/openapi.yaml}.
 */
final class RecentExamples {
  private static final Pattern RANGE_FIELD = Pattern.compile("(date_from|date_to): (\\d{9,11})\\b");
  private static final Pattern MONTH_FIELD = Pattern.compile("(month: ')(\\d{4}-\\d{2})(-\\d{2}')");

  private RecentExamples() {}

  /** The spec text with every example range and accounting month shifted to end by {@code now}. */
  static String shift(String yaml, Instant now) {
    YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC));
    long months = monthsToShift(yaml, current);
    if (months <= 0) {
      return yaml;
    }
    String ranges = replace(RANGE_FIELD, yaml, m -> m.group(1) + ": "
        + Instant.ofEpochSecond(Long.parseLong(m.group(2))).atZone(ZoneOffset.UTC)
            .plusMonths(months).toEpochSecond());
    // An accounting month must be a past or current month (request-export, Accounting): the
    // one before the current month is always complete.
    return replace(MONTH_FIELD, ranges, m -> m.group(1)
        + YearMonth.parse(m.group(2)).plusMonths(months - 1) + m.group(3));
  }

  /** Whole months from the latest example {@code date_to}'s month to the current month. */
  private static long monthsToShift(String yaml, YearMonth current) {
    Matcher m = RANGE_FIELD.matcher(yaml);
    long latest = Long.MIN_VALUE;
    while (m.find()) {
      latest = Math.max(latest, Long.parseLong(m.group(2)));
    }
    if (latest == Long.MIN_VALUE) {
      return 0;
    }
    LocalDate end = Instant.ofEpochSecond(latest).atZone(ZoneOffset.UTC).toLocalDate();
    return ChronoUnit.MONTHS.between(YearMonth.from(end), current);
  }

  private static String replace(
      Pattern pattern, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
    }
    return m.appendTail(out).toString();
  }
}
