package pelcro.exports.sandbox.domain;

import static java.time.temporal.ChronoField.HOUR_OF_DAY;
import static java.time.temporal.ChronoField.MINUTE_OF_HOUR;
import static java.time.temporal.ChronoField.NANO_OF_SECOND;
import static java.time.temporal.ChronoField.SECOND_OF_MINUTE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;

/**
 * Reads {@code date_from}/{@code date_to} in every form the spec's {@code ExportDate} takes: Unix
 * seconds (number or numeric string), or a date-time as RFC 3339 and ISO 8601 write it, read with
 * java.time (request-export: the filter tables say "Unix timestamp", the Body Params say
 * "date-time"; spec x-decision of {@code ExportDate}).
 *
 * <ul>
 *   <li>{@code T} and {@code Z} in either case, or a space for {@code T} (RFC 3339 §5.6 allows
 *       both; the space is how PHP and MySQL write a date-time);
 *   <li>an offset as {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh} (PHP's {@code
 *       DATE_ISO8601} writes {@code +0000});
 *   <li>seconds optional, with a fraction after {@code .} or {@code ,} (ignored: the range is in
 *       whole seconds);
 *   <li>second 60, a leap second (RFC 3339 §5.7), is the next second, {@code 00:00:00} of the next
 *       day for {@code 23:59:60}, as POSIX's seconds-since-the-Epoch formula and PHP read it: Unix
 *       seconds have no number of their own for a leap second;
 *   <li>no zone at all (a bare date, or a date-time without offset) is UTC, as the vendor's
 *       framework (Laravel, time zone UTC by default) reads it; the lint names the assumption.
 * </ul>
 */
public final class ExportDates {
  private static final int SEPARATOR = 10;
  private static final int SECONDS = 17;
  private static final String LEAP_SECOND = "60";

  /** {@code YYYY-MM-DD[Thh:mm[:ss[.f]][offset]]}, letters in either case. */
  private static final DateTimeFormatter DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .appendValue(HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .parseLenient() // "+HH", lenient: +hh, +hhmm and +hh:mm alike
          .appendOffset("+HH", "Z")
          .optionalEnd()
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(ResolverStyle.STRICT)
          .withChronology(IsoChronology.INSTANCE);

  private ExportDates() {}

  /**
   * The instant in epoch seconds, or empty when the text has the spec's shape but names no real
   * date ({@code 2024-02-30}); a value the spec refuses never reaches here.
   */
  public static OptionalLong epochSecond(Object value) {
    if (value instanceof Number number) {
      return OptionalLong.of(number.longValue());
    }
    String text = String.valueOf(value);
    try {
      if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
        return OptionalLong.of(Long.parseLong(text));
      }
      boolean leap = isLeapSecond(text);
      TemporalAccessor read = parse(text);
      long seconds =
          read instanceof OffsetDateTime at
              ? at.toEpochSecond()
              : read instanceof LocalDateTime local
                  ? local.toEpochSecond(ZoneOffset.UTC)
                  : ((LocalDate) read).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      return OptionalLong.of(leap ? seconds + 1 : seconds);
    } catch (DateTimeParseException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Whether {@code text} is a date-time with a time of day but no zone ({@code
   * 2024-01-01T00:00:00}): read as UTC, an assumption the lint reports. A bare date is not one: the
   * page's own accounting {@code month} is a bare date.
   */
  public static boolean lacksZone(String text) {
    try {
      return parse(text) instanceof LocalDateTime;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Reads a leap second as :59 (the caller adds it back), a space as T, a comma as a point. */
  private static TemporalAccessor parse(String text) {
    String iso =
        isLeapSecond(text)
            ? text.substring(0, SECONDS) + "59" + text.substring(SECONDS + LEAP_SECOND.length())
            : text;
    if (iso.length() > SEPARATOR && iso.charAt(SEPARATOR) == ' ') {
      iso = iso.substring(0, SEPARATOR) + 'T' + iso.substring(SEPARATOR + 1);
    }
    return DATE_TIME.parseBest(
        iso.replace(',', '.'), OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
  }

  /** {@code hh:mm:60}: java.time's resolver takes seconds 0 to 59 only. */
  private static boolean isLeapSecond(String text) {
    return text.length() >= SECONDS + 2
        && text.charAt(SECONDS - 1) == ':'
        && text.startsWith(LEAP_SECOND, SECONDS);
  }
}
