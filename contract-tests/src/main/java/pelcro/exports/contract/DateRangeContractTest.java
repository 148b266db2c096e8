package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;

/** The six-month rule and "Nothing to export" (request-export, Common Errors). */
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
    Response r = Exports.post(Target.get().enterprise(), range("invoices", to.minusMonths(6).minusDays(1), to));

    assertThat(r.statusCode()).as("request-export, Common Errors: a range over 6 months must be 400 (body: %s)", r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r)).as("request-export, Common Errors: the message is \"Invalid date range\"")
        .isEqualTo(Exports.INVALID_DATE_RANGE);
  }

  @Test
  @Documented("request-export, filter tables: date_to is the end of the range, not before date_from")
  void refusesARangeThatEndsBeforeItStarts() {
    ZonedDateTime to = end();
    Response r = Exports.post(Target.get().enterprise(), range("invoices", to, to.minusDays(10)));

    assertThat(r.statusCode()).as("request-export: date_to before date_from must be 400 (body: %s)", r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r)).as("request-export: a reversed range is a validation error or an invalid range")
        .isIn(Exports.INVALID_DATA, Exports.INVALID_DATE_RANGE);
  }

  @Test
  @Documented(COMMON_ERRORS + ": \"Nothing to export\" — no records match")
  void answersNothingToExportForARangeWithoutRecords() {
    ZonedDateTime from = ZonedDateTime.of(1990, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    Response r = Exports.post(Target.get().enterprise(), range("subscriptions", from, from.plusMonths(2)));

    assertThat(r.statusCode()).as("request-export, Common Errors: no matching records must be 400 (body: %s)", r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r)).as("request-export, Common Errors: the message is \"Nothing to export\"")
        .isEqualTo(Exports.NOTHING_TO_EXPORT);
  }

  @Test
  @Writes
  @Documented(value = "request-export: the date range may span up to 6 months", covers = "requestExport:200")
  void acceptsARangeOfExactlySixMonths() {
    Account account = Target.get().enterprise();
    ZonedDateTime to = end();
    String uuid = Exports.request(account, range("invoices", to.minusMonths(6), to));

    assertThat(uuid).as("request-export: a 6-month range is allowed and returns the export's uuid").isNotBlank();
    Exports.drain(account, uuid);
  }
}
