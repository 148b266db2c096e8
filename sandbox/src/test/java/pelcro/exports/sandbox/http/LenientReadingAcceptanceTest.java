package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;

import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.ExportCalls;

/**
 * Never reject what the vendor would accept (spec x-decisions): the requests of issue 11 that a
 * correct integration may send are queued on a default sandbox, and a {@code --strict} sandbox
 * refuses exactly what the spec's schemas refuse.
 */
class LenientReadingAcceptanceTest {
  private static final long DAY = 86_400;
  private static Sandbox lenient;
  private static Sandbox strict;

  @BeforeAll
  static void start() {
    lenient = Sandbox.builder().port(0).jobSeconds(0).rateLimit(0).start();
    strict =
        Sandbox.builder().port(0).jobSeconds(0).rateLimit(0).strict(true).listMode("jobs").start();
  }

  @AfterAll
  static void stop() {
    lenient.close();
    strict.close();
  }

  private static Response post(Sandbox sandbox, Map<String, Object> body) {
    return ExportCalls.postExport(sandbox, ENTERPRISE, SITE, body);
  }

  /** Asserts a 400 whose first message for {@code field} is {@code message}. */
  private static void assertRefused(Response answer, String field, String message) {
    answer.then().statusCode(400).body("errors." + field + "[0]", equalTo(message));
  }

  /**
   * Asserts that the strict sandbox refuses a list with {@code name} = {@code value}, naming it.
   */
  private static void assertStrictListRefuses(String name, Object value, String message) {
    assertRefused(
        api(strict, ENTERPRISE).queryParam("site_id", SITE).queryParam(name, value).get("/exports"),
        name,
        message);
  }

  private static Map<String, Object> body(String type, Object from, Object to, Object... extra) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", type);
    body.put("date_from", from);
    body.put("date_to", to);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    return body;
  }

  private static ZonedDateTime now() {
    return Instant.now().atZone(ZoneOffset.UTC);
  }

  /** Requests the export (expecting 200) and downloads its CSV rows. */
  private static List<CSVRecord> export(Map<String, Object> body) throws Exception {
    String uuid = post(lenient, body).then().statusCode(200).extract().path("data.uuid");
    String csv =
        api(lenient, ENTERPRISE)
            .queryParam("site_id", SITE)
            .get("/exports/" + uuid)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  @Test
  void takesIsoDateTimesBareDatesAndNumericStringsForTheDates() {
    ZonedDateTime from = now().minusDays(60);
    post(
            lenient,
            body(
                "customers",
                from.toOffsetDateTime().toString(),
                from.plusDays(30).toLocalDate().toString()))
        .then()
        .statusCode(200);
    post(
            lenient,
            body(
                "customers",
                from.withZoneSameInstant(ZoneOffset.ofHours(2)).toOffsetDateTime().toString(),
                String.valueOf(from.plusDays(30).toEpochSecond())))
        .then()
        .statusCode(200);
    post(
            strict,
            body(
                "customers",
                from.toOffsetDateTime().toString(),
                String.valueOf(from.plusDays(30).toEpochSecond())))
        .then()
        .statusCode(200);
  }

  @Test
  void takesNumericStringsForIntegerFiltersUnlessStrict() {
    long from = now().minusDays(120).toEpochSecond();
    Map<String, Object> body =
        body("memberships", String.valueOf(from), from + 90 * DAY, "plan_id", "456");

    post(lenient, body).then().statusCode(200);
    assertRefused(post(strict, body), "plan_id", "The plan id must be an integer.");
  }

  @Test
  void ignoresFieldsTheTypeDoesNotTakeUnlessStrict() {
    long from = now().minusDays(90).toEpochSecond();
    Map<String, Object> body =
        body("subscriptions", from, from + 60 * DAY, "currency", "usd", "foo", 1);

    post(lenient, body).then().statusCode(200);
    post(strict, body)
        .then()
        .statusCode(400)
        .body("errors.foo[0]", equalTo("The foo field is not allowed for subscriptions exports."))
        .body(
            "errors.currency[0]",
            equalTo("The currency field is not allowed for subscriptions exports."));
  }

  @Test
  void matchesTheCountryInAnyCase() throws Exception {
    long from = now().minusDays(150).toEpochSecond();
    List<CSVRecord> rows = export(body("addresses", from, from + 120 * DAY, "country", "us"));

    assertThat(rows).isNotEmpty().allMatch(r -> r.get("country").equals("US"));
    post(strict, body("addresses", from, from + 120 * DAY, "country", "Us")).then().statusCode(200);
  }

  @Test
  void matchesTheEmailWithoutCase() throws Exception {
    long from = now().minusDays(150).toEpochSecond();
    String email = export(body("newsletters", from, from + 120 * DAY)).get(0).get("email");
    String shouted =
        email.substring(0, 1).toUpperCase(Locale.ROOT)
            + email.substring(1, email.indexOf('@'))
            + email.substring(email.indexOf('@')).toUpperCase(Locale.ROOT);

    List<CSVRecord> rows = export(body("newsletters", from, from + 120 * DAY, "email", shouted));

    assertThat(shouted).isNotEqualTo(email);
    assertThat(rows).isNotEmpty().allMatch(r -> r.get("email").equals(email));
  }

  @Test
  void takesEveryRangeAPersonCallsSixMonths() {
    int year = now().getYear();
    ZonedDateTime aug31 = ZonedDateTime.of(year - 2, 8, 31, 0, 0, 0, 0, ZoneOffset.UTC);
    ZonedDateTime feb28 = ZonedDateTime.of(year - 1, 2, 28, 12, 0, 0, 0, ZoneOffset.UTC);
    ZonedDateTime jan1 = ZonedDateTime.of(year - 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    ZonedDateTime jul1 = ZonedDateTime.of(year - 1, 7, 1, 23, 59, 59, 0, ZoneOffset.UTC);

    post(lenient, body("invoices", aug31.toEpochSecond(), feb28.toEpochSecond()))
        .then()
        .statusCode(200);
    post(lenient, body("customers", jan1.toEpochSecond(), jul1.toEpochSecond()))
        .then()
        .statusCode(200);
    post(strict, body("payments", jan1.toEpochSecond(), jul1.toEpochSecond()))
        .then()
        .statusCode(200);
    post(lenient, body("orders", jan1.toEpochSecond(), jul1.plusSeconds(1).toEpochSecond()))
        .then()
        .statusCode(400)
        .body("message", equalTo("Invalid date range"));
  }

  @Test
  void servesPageAndLimitOutOfBoundsUnlessStrict() {
    api(lenient, ENTERPRISE)
        .queryParam("site_id", SITE)
        .queryParam("limit", 1000)
        .queryParam("page", "abc")
        .get("/exports")
        .then()
        .statusCode(200);
    assertStrictListRefuses("limit", 1000, "The limit must not be greater than 100.");
    assertStrictListRefuses("page", "abc", "The page must be an integer.");
  }

  @Test
  void refusesIdsAboveInt32AsTheSpecDeclares() {
    long from = now().minusDays(90).toEpochSecond();
    for (Sandbox sandbox : new Sandbox[] {lenient, strict}) {
      assertRefused(
          post(sandbox, body("orders", from, from + DAY, "product_id", 3_000_000_000L)),
          "product_id",
          "The product id must not be greater than 2147483647.");
      assertRefused(
          api(sandbox, ENTERPRISE).queryParam("site_id", "3000000000").get("/exports"),
          "site_id",
          "The site id must not be greater than 2147483647.");
    }
  }
}
