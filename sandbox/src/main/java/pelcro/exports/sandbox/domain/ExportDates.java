package pelcro.exports.sandbox.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads {@code date_from}/{@code date_to} in every form the spec's {@code ExportDate} takes:
 * Unix seconds (number or numeric string), an ISO 8601 date-time with {@code Z} or an offset, or
 * a bare date meaning 00:00 UTC (request-export: the filter tables say "Unix timestamp", the
 * Body Params say "date-time").
 */
public final class ExportDates {
  private ExportDates() {}

  /**
   * The instant in epoch seconds, or empty when the text has the spec's shape but names no
   * real date ({@code 2024-02-30}); a value the spec refuses never reaches here.
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
      if (text.indexOf('T') < 0) {
        return OptionalLong.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond());
      }
      return OptionalLong.of(OffsetDateTime.parse(text).toEpochSecond());
    } catch (DateTimeParseException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
