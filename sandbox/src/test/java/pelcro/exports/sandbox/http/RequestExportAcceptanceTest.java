package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static pelcro.exports.openapi.ExportsSpec.requestExamples;
import static pelcro.exports.sandbox.Fixtures.*;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.assertNothingToExport;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.swagger.v3.oas.models.examples.Example;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.openapi.model.ConflictError;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.openapi.model.RequestExportError;
import pelcro.exports.sandbox.Sandbox;

/** POST /exports and GET /exports over HTTP: access, validation, rules, conflicts. */
class RequestExportAcceptanceTest {
  @AutoClose private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    // Fake data whose first invoice is in 2020, so the documented accounting example is valid.
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(60)
            .data(new DownloadExportAcceptanceTest.FakeData())
            .start();
  }

  @BeforeEach
  void reset() {
    control(sandbox).post("/reset").then().statusCode(200);
  }

  private static io.restassured.response.Response post(String key, long site, Object body) {
    return api(sandbox, key)
        .queryParam("site_id", site)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/exports");
  }

  @Test
  void listsTheExportTypesOfTheSpec() {
    String[] types =
        java.util.Arrays.stream(ExportType.values())
            .map(ExportType::getValue)
            .toArray(String[]::new);
    listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200).body("data", contains(types));
  }

  @Test
  void queuesAnExportAndAnswersWithTheNineDocumentedFields() {
    JsonNode data =
        readTree(
                post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200).extract().asString())
            .get("data");
    assertThat(data.size()).isEqualTo(9);
    assertThat(data.get("object").asText()).isEqualTo("subscriptions");
    assertThat(data.get("account_id").asLong()).isEqualTo(1);
    assertThat(data.get("user_id").asLong()).isEqualTo(101);
    assertThat(data.get("started_at").isNull()).isTrue();
    assertThat(data.get("finished_at").isNull()).isTrue();
    assertThat(data.get("failed_reason").isNull()).isTrue();
    assertThat(data.get("updated_at")).isEqualTo(data.get("created_at"));
    assertThat(java.util.UUID.fromString(data.get("uuid").asText()).version()).isEqualTo(7);
  }

  @Test
  void answersCreditNoteWithTheCanonicalCreditNotes() {
    post(ENTERPRISE, SITE, ofType("credit_note"))
        .then()
        .statusCode(200)
        .body("data.object", equalTo("credit_notes"));
  }

  @Test
  void acceptsEveryDocumentedExampleBody() {
    Map<String, Example> examples = requestExamples(ExportsSpec.get().model());
    for (Map.Entry<String, Example> e : examples.entrySet()) {
      post(ENTERPRISE, SITE, json(e.getValue().getValue()))
          .then()
          .statusCode(200)
          .body("data.uuid", notNullValue());
    }
  }

  @Test
  void refusesMissingMalformedAndUnknownKeysWith401() {
    api(sandbox)
        .queryParam("site_id", SITE)
        .get("/exports")
        .then()
        .statusCode(401)
        .body("message", equalTo("Unauthenticated."));
    api(sandbox)
        .header("Authorization", "Basic abc")
        .queryParam("site_id", SITE)
        .get("/exports")
        .then()
        .statusCode(401)
        .body("message", equalTo("Unauthenticated."));
    api(sandbox, "sk_test_nope")
        .queryParam("site_id", SITE)
        .contentType(ContentType.JSON)
        .body(subscriptions())
        .post("/exports")
        .then()
        .statusCode(401);
    api(sandbox, "sk_test_nope")
        .queryParam("site_id", SITE)
        .get("/exports/x")
        .then()
        .statusCode(401);
  }

  @Test
  void refusesNonEnterpriseAccountsOnEveryExportEndpoint() {
    String message = "Exports are available exclusively for Enterprise accounts.";
    listExports(sandbox, BASIC, BASIC_SITE)
        .then()
        .statusCode(401)
        .body("message", equalTo(message));
    post(BASIC, BASIC_SITE, subscriptions())
        .then()
        .statusCode(401)
        .body("message", equalTo(message));
    api(sandbox, BASIC)
        .queryParam("site_id", BASIC_SITE)
        .get("/exports/abc")
        .then()
        .statusCode(401)
        .body("message", equalTo(message));
  }

  @Test
  void requiresTheSiteIdQueryParameter() {
    api(sandbox, ENTERPRISE)
        .get("/exports")
        .then()
        .statusCode(400)
        .body("errors.site_id[0]", equalTo("The site id field is required."));
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", "abc")
        .get("/exports")
        .then()
        .statusCode(400)
        .body("errors.site_id[0]", equalTo("The site id must be an integer."));
  }

  @Test
  void answersAForeignSiteExactlyLikeAnUnknownOne() {
    String foreign =
        listExports(sandbox, ENTERPRISE, OTHER_ACCOUNT_SITE)
            .then()
            .statusCode(400)
            .extract()
            .asString();
    String unknown =
        listExports(sandbox, ENTERPRISE, 999999).then().statusCode(400).extract().asString();
    assertThat(foreign).isEqualTo(unknown).contains("The selected site id is invalid.");
  }

  @Test
  void refusesABodySiteIdOfAnotherAccount() {
    Map<String, Object> body = new HashMap<>(subscriptions());
    body.put("site_id", OTHER_ACCOUNT_SITE);
    post(ENTERPRISE, SITE, body)
        .then()
        .statusCode(400)
        .body("errors.site_id[0]", equalTo("The selected site id is invalid."));
    // The export uses the body's site: 1002 has no records in the fake data.
    body.put("site_id", SECOND_SITE);
    assertNothingToExport(post(ENTERPRISE, SITE, body));
  }

  @Test
  void namesEachWrongFieldInTheVendorFormat() {
    Map<String, Object> body = new HashMap<>(subscriptions());
    body.put("status", "sleeping");
    body.put("plan_id", "x");
    body.put("currency", "usd");
    body.remove("date_to");
    post(ENTERPRISE, SITE, body)
        .then()
        .statusCode(400)
        .body("message", equalTo("The given data was invalid."))
        .body("errors.status[0]", equalTo("The selected status is invalid."))
        .body("errors.plan_id[0]", equalTo("The plan id must be an integer."))
        .body("errors", not(hasKey("currency")))
        .body("errors.date_to[0]", equalTo("The date to field is required."));
  }

  @Test
  void requiresMonthAndLowercaseCurrencyForAccounting() {
    post(ENTERPRISE, SITE, Map.of("object", "accounting"))
        .then()
        .statusCode(400)
        .body("errors.month[0]", equalTo("The month field is required."))
        .body("errors.currency[0]", equalTo("The currency field is required."));
    post(ENTERPRISE, SITE, Map.of("object", "accounting", "month", "2024-01", "currency", "USD"))
        .then()
        .statusCode(400)
        .body("errors.currency[0]", equalTo("The currency must be a lowercase 3-letter code."))
        .body("errors", hasKey("month"));
  }

  @Test
  void refusesAMissingOrUnknownObject() {
    post(ENTERPRISE, SITE, Map.of("date_from", JAN_2024))
        .then()
        .statusCode(400)
        .body("errors.object[0]", equalTo("The object field is required."));
    post(ENTERPRISE, SITE, ofType("gifts"))
        .then()
        .statusCode(400)
        .body("errors.object[0]", equalTo("The selected object is invalid."));
    post(ENTERPRISE, SITE, Map.of("object", 12))
        .then()
        .statusCode(400)
        .body("errors.object[0]", equalTo("The selected object is invalid."));
  }

  @Test
  void refusesARangeOverSixMonthsOrEndingBeforeItStarts() {
    String invalid = RequestExportError.MessageEnum.INVALID_DATE_RANGE.getValue();
    long oct2024 = 1727740800L; // 2024-10-01, more than 6 months after January
    post(ENTERPRISE, SITE, Map.of("object", "orders", "date_from", JAN_2024, "date_to", oct2024))
        .then()
        .statusCode(400)
        .body("message", equalTo(invalid))
        .body("errors.date_to[0]", equalTo("The date range cannot exceed 6 months."));
    post(ENTERPRISE, SITE, Map.of("object", "orders", "date_from", APR_2024, "date_to", JAN_2024))
        .then()
        .statusCode(400)
        .body("message", equalTo(invalid));
    long jul2024 = 1719792000L; // exactly 6 calendar months
    post(ENTERPRISE, SITE, Map.of("object", "orders", "date_from", JAN_2024, "date_to", jul2024))
        .then()
        .statusCode(200);
  }

  @Test
  void refusesAFutureAccountingMonthAndOneBeforeTheFirstInvoice() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    post(ENTERPRISE, SITE, accounting(today.plusMonths(2).withDayOfMonth(1)))
        .then()
        .statusCode(400)
        .body("errors.month[0]", equalTo("The month must be a past or the current month."));
    post(ENTERPRISE, SITE, accounting(today.minusYears(10)))
        .then()
        .statusCode(400)
        .body("errors", hasKey("month"));
    post(ENTERPRISE, SITE, accounting(today.withDayOfMonth(1)))
        .then()
        .statusCode(200)
        .body("data.object", equalTo("accounting"));
  }

  private static Map<String, Object> accounting(LocalDate month) {
    return Map.of("object", "accounting", "month", month.toString(), "currency", "usd");
  }

  @Test
  void rejectsSecondExportOfSameTypeWhileFirstRuns() {
    post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200);
    post(ENTERPRISE, SITE, subscriptions())
        .then()
        .statusCode(409)
        .body("message", equalTo(ConflictError.MessageEnum.EXPORT_IN_PROGRESS.getValue()));
  }

  @Test
  void letsOtherTypesAndOtherAccountsGoAhead() {
    post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200);
    post(ENTERPRISE, SITE, ofType("invoices")).then().statusCode(200);
    post(ENTERPRISE_2, OTHER_ACCOUNT_SITE, subscriptions()).then().statusCode(200);
  }

  @Test
  void acceptsTheSameTypeAgainOnceTheFirstHasFinished() {
    post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200);
    control(sandbox).body("{\"seconds\": 60}").post("/clock/advance").then().statusCode(200);
    post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200);
  }

  @Test
  void checksTheBodyBeforeTheConflict() {
    post(ENTERPRISE, SITE, subscriptions()).then().statusCode(200);
    post(ENTERPRISE, SITE, Map.of("object", "subscriptions"))
        .then()
        .statusCode(400)
        .body("errors", not(hasKey("message")));
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
