package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static pelcro.exports.sandbox.SpecValidated.control;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import pelcro.exports.sandbox.Sandbox;

/**
 * The answers an outside audit found to differ from what the vendor's API would plausibly do, as an
 * integrator meets them over HTTP: the Bearer scheme's case and spacing, a repeated {@code
 * site_id}, date-times as RFC 3339 writes them, and the lint's findings around refusals and failed
 * exports. Each test works in a session of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LastMileAcceptanceTest {
  private static final String NOT_FOUND =
      "The requested file was not found, please try to export again.";
  private static final Clock FROZEN = Clock.fixed(Instant.now(), ZoneOffset.UTC);
  private Sandbox sandbox;

  /** A session's key and first site. */
  record Session(String key, long site) {}

  @BeforeAll
  void start() {
    sandbox = Sandbox.builder().port(0).jobSeconds(60).rateLimit(0).clock(FROZEN).start();
  }

  @AfterAll
  void stop() {
    sandbox.close();
  }

  private Session session() {
    JsonPath created =
        control(sandbox).post("/sessions").then().statusCode(200).extract().jsonPath();
    return new Session(created.getString("enterprise_key"), created.getLong("site_ids[0]"));
  }

  private RequestSpecification api(String authorization) {
    return given().baseUri(sandbox.baseUrl()).header("Authorization", authorization);
  }

  /** Lists the session's first site with {@code authorization} as the header's value. */
  private Response list(Session s, String authorization) {
    return api(authorization).queryParam("site_id", s.site()).get("/exports");
  }

  private RequestSpecification post(Session s, String body) {
    return api("Bearer " + s.key())
        .queryParam("site_id", s.site())
        .contentType(ContentType.JSON)
        .body(body);
  }

  @Test
  void theBearerSchemeIsReadInAnyCaseWithAnySpacesAndAnyOtherSchemeIs401() {
    Session s = session();
    for (String authorization :
        new String[] {
          "Bearer " + s.key(),
          "bearer " + s.key(),
          "BEARER " + s.key(),
          "Bearer    " + s.key(),
          "bEaReR " + s.key() + "  "
        }) {
      list(s, authorization).then().statusCode(200);
    }
    for (String authorization :
        new String[] {
          s.key(), "Basic " + s.key(), "Token " + s.key(), "Bearer", "Bearer" + s.key()
        }) {
      list(s, authorization).then().statusCode(401).body("message", equalTo("Unauthenticated."));
    }
  }

  @Test
  void aRepeatedSiteIdCountsItsLastValueAsPhpReadsIt() {
    Session s = session();
    api("Bearer " + s.key())
        .urlEncodingEnabled(false)
        .get("/exports?site_id=2147483647&site_id=" + s.site())
        .then()
        .statusCode(200);
    api("Bearer " + s.key())
        .urlEncodingEnabled(false)
        .get("/exports?site_id=" + s.site() + "&site_id=2147483647")
        .then()
        .statusCode(400)
        .body("errors", hasKey("site_id"));
  }

  @Test
  void aZoneLessDateTimeIsReadAsUtcAndTheLintNamesTheAssumption() {
    Session s = session();
    long now = FROZEN.instant().getEpochSecond();
    String day = Instant.ofEpochSecond(now - 30L * 86_400).toString().substring(0, 10);
    post(
            s,
            "{\"object\":\"customers\",\"date_from\":\""
                + day
                + "T00:00:00\",\"date_to\":"
                + now
                + "}")
        .post("/exports")
        .then()
        .statusCode(200)
        .header(LintObserver.HEADER, equalTo("date-without-zone"));
    post(
            s,
            "{\"object\":\"orders\",\"date_from\":\""
                + day
                + "t00:00:00z\",\"date_to\":"
                + now
                + "}")
        .post("/exports")
        .then()
        .statusCode(200)
        .header(LintObserver.HEADER, nullValue());
  }

  @Test
  void aRequestRefusedForAFieldGetsNoOtherFindingAboutItAndItsUnchangedRepeatIsNamed() {
    Session s = session();
    String body = "{\"object\":\"accounting\",\"month\":\"2023-02-29\",\"currency\":\"usd\"}";
    post(s, body)
        .post("/exports")
        .then()
        .statusCode(400)
        .body("errors", hasKey("month"))
        .header(LintObserver.HEADER, nullValue());
    post(s, body)
        .post("/exports")
        .then()
        .statusCode(400)
        .header(LintObserver.HEADER, equalTo("refused-request-repeated"));
    control(sandbox)
        .get("/lint?rule=month-not-first-day")
        .then()
        .statusCode(200)
        .body("data.findAll { it.detail == 'month=2023-02-29' }.size()", equalTo(0));
  }

  @Test
  void pollingAFailedExportsUuidAfterNotFoundIsNamedWhateverTheCase() {
    Session s = session();
    long now = FROZEN.instant().getEpochSecond();
    String uuid =
        post(
                s,
                "{\"object\":\"customers\",\"date_from\":"
                    + (now - 86_400L * 30)
                    + ",\"date_to\":"
                    + now
                    + "}")
            .post("/exports")
            .then()
            .statusCode(200)
            .extract()
            .path("data.uuid");
    control(sandbox)
        .body("{\"reason\":\"Disk full\"}")
        .post("/exports/" + uuid + "/fail")
        .then()
        .statusCode(200);
    api("Bearer " + s.key())
        .queryParam("site_id", s.site())
        .get("/exports/" + uuid)
        .then()
        .statusCode(404)
        .header(LintObserver.HEADER, nullValue());
    api("Bearer " + s.key())
        .queryParam("site_id", s.site())
        .get("/exports/" + uuid.toUpperCase(Locale.ROOT))
        .then()
        .statusCode(404)
        .body("message", equalTo(NOT_FOUND))
        .header(LintObserver.HEADER, equalTo("not-found-polled"));
    api("Bearer " + s.key())
        .queryParam("site_id", s.site())
        .get("/exports/" + uuid)
        .then()
        .header(LintObserver.HEADER, not(equalTo("download-polled-too-soon")));
  }
}
