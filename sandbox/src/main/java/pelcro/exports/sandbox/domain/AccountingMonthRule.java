package pelcro.exports.sandbox.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * request-export, Accounting: "You can only export accounting data for past or current months,
 * starting from the month of your first invoice." Any day names its month (spec x-decision).
 */
public final class AccountingMonthRule {
  private AccountingMonthRule() {}

  /** Throws a validation error on {@code month} when the month cannot be exported. */
  public static void check(LocalDate month, YearMonth current, Optional<YearMonth> firstInvoice) {
    YearMonth asked = YearMonth.from(month);
    if (asked.isAfter(current)) {
      throw ApiException.invalid("month", "The month must be a past or the current month.");
    }
    if (firstInvoice.isPresent() && asked.isBefore(firstInvoice.get())) {
      throw ApiException.invalid(
          "month",
          "The month must not be before the month of the site's first invoice ("
              + firstInvoice.get()
              + ").");
    }
  }
}
