package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The documented rules: six months at most (as a person counts them), accounting months past or
 * current.
 */
class RulesTest {
  private static long epoch(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static long at(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({
    "2024-01-01T00:00:00Z, 2024-07-01T23:59:59Z", // "January to July 1st", end of day
    "2025-08-31T00:00:00Z, 2026-02-28T12:00:00Z", // Aug 31 + 6 months clamps to Feb 28
    "2023-08-31T00:00:00Z, 2024-02-29T23:59:59Z", // ... or to Feb 29 in a leap year
    "2026-02-28T00:00:00Z, 2026-08-31T23:59:59Z", // month end to month end
    "2024-04-30T10:00:00Z, 2024-10-31T23:59:59Z", // month end to month end, from midday
    "2024-01-31T00:00:00Z, 2024-07-31T00:00:00Z",
    "2024-03-15T18:30:00Z, 2024-09-15T23:59:59Z",
    "2024-01-01T00:00:00Z, 2024-01-01T00:00:00Z"
  })
  void acceptsEveryRangeAPersonCallsSixMonths(String from, String to) {
    assertThatCode(() -> DateRangeRule.check(at(from), at(to))).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0} to {1}")
  @CsvSource({
    "2024-01-01T00:00:00Z, 2024-07-02T00:00:00Z",
    "2025-08-31T00:00:00Z, 2026-03-01T00:00:00Z",
    "2024-03-15T00:00:00Z, 2024-09-16T00:00:00Z",
    "2024-02-28T00:00:00Z, 2024-08-29T00:00:00Z", // Feb 28 is no month end in a leap year
    "2024-01-01T00:00:00Z, 2025-01-01T00:00:00Z"
  })
  void refusesMoreThanSixMonthsAsInvalidDateRange(String from, String to) {
    assertThatThrownBy(() -> DateRangeRule.check(at(from), at(to)))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).isEqualTo(ApiError.INVALID_DATE_RANGE);
              assertThat(e.getMessage()).isEqualTo("Invalid date range");
              assertThat(e.fieldErrors()).containsKey("date_to");
            });
  }

  @Test
  void readsUnixSecondsAndIsoDates() {
    long jan1 = epoch("2024-01-01");
    assertThat(ExportDates.epochSecond(jan1)).hasValue(jan1);
    assertThat(ExportDates.epochSecond(String.valueOf(jan1))).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2024-01-01")).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2024-01-01T00:00:00Z")).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2024-01-01T00:00Z")).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2024-01-01T02:00:00+02:00")).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2023-12-31T19:00:00.000-05:00")).hasValue(jan1);
    assertThat(ExportDates.epochSecond("2024-02-30")).isEmpty();
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> DateRangeRule.check(10, 9))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.INVALID_DATE_RANGE);
  }

  @Test
  void acceptsPastAndCurrentMonthsFromTheFirstInvoice() {
    YearMonth now = YearMonth.of(2024, 6);
    assertThatCode(
            () ->
                AccountingMonthRule.check(
                    LocalDate.parse("2024-06-15"), now, Optional.of(YearMonth.of(2023, 1))))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                AccountingMonthRule.check(
                    LocalDate.parse("2023-01-01"), now, Optional.of(YearMonth.of(2023, 1))))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesFutureMonthsAndMonthsBeforeTheFirstInvoice() {
    YearMonth now = YearMonth.of(2024, 6);
    assertThatThrownBy(
            () -> AccountingMonthRule.check(LocalDate.parse("2024-07-01"), now, Optional.empty()))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("month"));
    assertThatThrownBy(
            () ->
                AccountingMonthRule.check(
                    LocalDate.parse("2022-12-01"), now, Optional.of(YearMonth.of(2023, 1))))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.fieldErrors().get("month").get(0)).contains("2023-01"));
  }

  @Test
  void wordsFieldMessagesLikeTheCoreApi() {
    assertThat(FieldMessages.of("required", "date_from", "orders", null))
        .isEqualTo("The date from field is required.");
    assertThat(FieldMessages.of("pattern", "currency", "payments", null))
        .isEqualTo("The currency must be a lowercase 3-letter code.");
    assertThat(FieldMessages.of("type.integer", "plan_id", "subscriptions", null))
        .isEqualTo("The plan id must be an integer.");
    assertThat(FieldMessages.of("additionalProperties", "status", "customers", null))
        .isEqualTo("The status field is not allowed for customers exports.");
    assertThat(FieldMessages.of("unheard.of", "x", "orders", null)).isEqualTo("The x is invalid.");
  }
}
