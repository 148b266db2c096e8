package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented rules: six months at most, accounting months past or current. */
class RulesTest {
  private static long epoch(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  @Test
  void acceptsUpToSixCalendarMonths() {
    assertThatCode(() -> DateRangeRule.check(epoch("2024-01-31"), epoch("2024-07-31")))
        .doesNotThrowAnyException();
    assertThatCode(() -> DateRangeRule.check(epoch("2024-01-01"), epoch("2024-01-01")))
        .doesNotThrowAnyException();
  }

  @Test
  void refusesMoreThanSixMonthsAsInvalidDateRange() {
    assertThatThrownBy(() -> DateRangeRule.check(epoch("2024-01-01"), epoch("2024-07-01") + 1))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.error()).isEqualTo(ApiError.INVALID_DATE_RANGE);
          assertThat(e.getMessage()).isEqualTo("Invalid date range");
          assertThat(e.fieldErrors()).containsKey("date_to");
        });
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> DateRangeRule.check(10, 9))
        .extracting(e -> ((ApiException) e).error()).isEqualTo(ApiError.INVALID_DATE_RANGE);
  }

  @Test
  void acceptsPastAndCurrentMonthsFromTheFirstInvoice() {
    YearMonth now = YearMonth.of(2024, 6);
    assertThatCode(() -> AccountingMonthRule.check(LocalDate.parse("2024-06-15"), now,
        Optional.of(YearMonth.of(2023, 1)))).doesNotThrowAnyException();
    assertThatCode(() -> AccountingMonthRule.check(LocalDate.parse("2023-01-01"), now,
        Optional.of(YearMonth.of(2023, 1)))).doesNotThrowAnyException();
  }

  @Test
  void refusesFutureMonthsAndMonthsBeforeTheFirstInvoice() {
    YearMonth now = YearMonth.of(2024, 6);
    assertThatThrownBy(() -> AccountingMonthRule.check(LocalDate.parse("2024-07-01"), now,
        Optional.empty())).isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.fieldErrors()).containsKey("month"));
    assertThatThrownBy(() -> AccountingMonthRule.check(LocalDate.parse("2022-12-01"), now,
        Optional.of(YearMonth.of(2023, 1)))).isInstanceOfSatisfying(ApiException.class,
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
