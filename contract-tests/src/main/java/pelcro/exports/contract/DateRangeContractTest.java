package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;

/** The six-month rule and "Nothing to export" (request-export, Common Errors). */
@ExtendWith(EnterpriseAccount.class)
class DateRangeContractTest {
  private static final String COMMON_ERRORS = "request-export, Common Errors";

  /** The end of a range: a day before the target's present. */
  private static ZonedDateTime end() {
    return Instant.ofEpochSecond(Target.get().nowEpochSeconds() - 86_400).atZone(ZoneOffset.UTC);
  }

  private static Map<String, Object> range(String type, ZonedDateTime from, ZonedDateTime to) {
    Map<String, Object> body = Exports.recent(type);
    body.put("date_from", from.toEpochSecond());
    body.put("date_to", to.toEpochSecond());
    return body;
  }

  @Test
  @Documented(COMMON_ERRORS + ": \"Invalid date range\" — range exceeds 6 months")
  void refusesARangeLongerThanSixMonths() {
    ZonedDateTime to = end();
    Response r =
        Exports.post(
            Target.get().enterprise(), range("invoices", to.minusMonths(6).minusDays(1), to));

    Exports.assertRefused(
        r,
        400,
        "request-export, Common Errors: a range over 6 months must be 400",
        Exports.INVALID_DATE_RANGE,
        "request-export, Common Errors: the message is \"Invalid date range\"");
  }

  @Test
  @Documented(
      "request-export, filter tables: date_to is the end of the range, not before date_from")
  void refusesARangeThatEndsBeforeItStarts() {
    ZonedDateTime to = end();
    Response r = Exports.post(Target.get().enterprise(), range("invoices", to, to.minusDays(10)));

    assertThat(r.statusCode())
        .as("request-export: date_to before date_from must be 400 (body: %s)", r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r))
        .as("request-export: a reversed range is a validation error or an invalid range")
        .isIn(Exports.INVALID_DATA, Exports.INVALID_DATE_RANGE);
  }

  @Test
  @Documented(COMMON_ERRORS + ": \"Nothing to export\" — no records match")
  void answersNothingToExportForARangeWithoutRecords() {
    ZonedDateTime from = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    Response r =
        Exports.post(Target.get().enterprise(), range("subscriptions", from, from.plusMonths(2)));

    Exports.assertRefused(
        r,
        400,
        "request-export, Common Errors: no matching records must be 400",
        Exports.NOTHING_TO_EXPORT,
        "request-export, Common Errors: the message is \"Nothing to export\"");
  }

  /**
   * Requests an export that must not be refused for its range or its date form: queued (then
   * drained), or "Nothing to export" on a deployment without records then.
   */
  private static void assertNotRefusedForItsDates(Map<String, Object> body, String what) {
    Account account = Target.get().enterprise();
    Response r = Exports.postWhenFree(account, body);
    if (r.statusCode() == 200) {
      Exports.drain(account, r.jsonPath().getString("data.uuid"));
      return;
    }
    assertThat(r.statusCode())
        .as("%s must be queued (body: %s)", what, r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r))
        .as("%s may only find nothing to export (body: %s)", what, r.asString())
        .isEqualTo(Exports.NOTHING_TO_EXPORT);
  }

  @Test
  @Writes
  @Documented(
      value = "request-export: up to 6 months (x-decision: whole UTC days, month ends clamped)",
      covers = "requestExport:200")
  void acceptsEveryRangeAPersonCallsSixMonths() {
    int year = end().getYear();
    ZonedDateTime aug31 = ZonedDateTime.of(year - 2, 8, 31, 0, 0, 0, 0, ZoneOffset.UTC);
    ZonedDateTime jan1 = ZonedDateTime.of(year - 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    assertNotRefusedForItsDates(
        range("invoices", aug31, aug31.plusMonths(6).withHour(12)), "Aug 31 to Feb 28 12:00");
    assertNotRefusedForItsDates(
        range("invoices", jan1, jan1.plusMonths(6).withHour(23).withMinute(59).withSecond(59)),
        "Jan 1 to Jul 1 23:59:59");
  }

  @Test
  @Writes
  @Documented(
      value =
          "request-export: dates as Unix timestamps (filter tables) or date-times (Body Params)",
      covers = "requestExport:200")
  void acceptsIsoDateTimesBareDatesAndNumericStrings() {
    ZonedDateTime to = end();
    ZonedDateTime from = to.minusDays(60);
    Map<String, Object> iso = Exports.recent("customers");
    iso.put(
        "date_from", from.withZoneSameInstant(ZoneOffset.ofHours(2)).toOffsetDateTime().toString());
    iso.put("date_to", to.toLocalDate().toString());
    Map<String, Object> strings = Exports.recent("customers");
    strings.put("date_from", String.valueOf(from.toEpochSecond()));
    strings.put("date_to", to.withNano(0).toInstant().toString());

    assertNotRefusedForItsDates(iso, "an ISO date-time with an offset and a bare date");
    assertNotRefusedForItsDates(strings, "Unix seconds as a numeric string and a date-time in UTC");
  }

  @Test
  @Writes
  @Documented(
      value =
          "request-export: date-times as RFC 3339 writes them: t and z in either case,"
              + " second 60, no zone read as UTC (x-decision ExportDate)",
      covers = "requestExport:200")
  void acceptsDateTimesInLowerCaseWithALeapSecondOrWithoutAZone() {
    ZonedDateTime to = end();
    String day = to.minusDays(60).toLocalDate().toString();
    Map<String, Object> lower = Exports.recent("customers");
    lower.put("date_from", day + "t00:00:00z");
    lower.put("date_to", to.minusDays(1).toLocalDate() + "T23:59:60Z");
    Map<String, Object> zoneless = Exports.recent("customers");
    zoneless.put("date_from", day + "T00:00:00");
    zoneless.put("date_to", to.minusDays(1).toLocalDate() + " 12:00:00");

    assertNotRefusedForItsDates(lower, "lowercase t and z, and second 60");
    assertNotRefusedForItsDates(zoneless, "a date-time without a zone, and a space for T");
  }

  @Test
  @Writes
  @Documented(
      value = "request-export: the date range may span up to 6 months",
      covers = "requestExport:200")
  void acceptsARangeOfExactlySixMonths(Account account) {
    ZonedDateTime to = end();
    String uuid = Exports.request(account, range("invoices", to.minusMonths(6), to));

    assertThat(uuid)
        .as("request-export: a 6-month range is allowed and returns the export's uuid")
        .isNotBlank();
    Exports.drain(account, uuid);
  }
}
