package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE_2;
import static pelcro.exports.sandbox.Fixtures.OTHER_ACCOUNT_SITE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.downloadStatus;
import static pelcro.exports.sandbox.support.ExportCalls.failByHand;
import static pelcro.exports.sandbox.support.ExportCalls.helpers;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/**
 * Per-account clocks, the test helpers an account calls with its own key, and sessions: many users
 * share one sandbox without stepping on each other.
 */
class SessionsAndTestHelpersAcceptanceTest {

  @Test
  void anAccountAdvancesItsOwnClockWithItsKeyAndNoOtherAccountMoves() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).jobSeconds(60).start()) {
      String mine = requestExport(sandbox, ENTERPRISE, SITE);
      String theirs = requestExport(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE);
      helpers(sandbox, ENTERPRISE)
          .body("{\"seconds\": 61}")
          .post("/clock/advance")
          .then()
          .statusCode(200)
          .body("offset_seconds", equalTo(61))
          .body("account_id", equalTo(1));
      helpers(sandbox, ENTERPRISE)
          .get("/clock")
          .then()
          .statusCode(200)
          .body("offset_seconds", equalTo(61));
      helpers(sandbox, ENTERPRISE_2).get("/clock").then().body("offset_seconds", equalTo(0));
      org.assertj.core.api.Assertions.assertThat(downloadStatus(sandbox, ENTERPRISE, SITE, mine))
          .isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(
              downloadStatus(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE, theirs))
          .isEqualTo(404);
    }
  }

  @Test
  void theHelpersCompleteFailAndResetOnlyTheCallersOwnExports() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).jobSeconds(60).start()) {
      String mine = requestExport(sandbox, ENTERPRISE, SITE);
      String theirs = requestExport(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE);
      helpers(sandbox, ENTERPRISE).post("/exports/" + theirs + "/complete").then().statusCode(404);
      helpers(sandbox, ENTERPRISE)
          .post("/exports/" + mine + "/complete")
          .then()
          .statusCode(200)
          .body("uuid", equalTo(mine));
      failByHand(helpers(sandbox, ENTERPRISE_2), theirs, "Disk full")
          .statusCode(200)
          .body("failed_reason", equalTo("Disk full"));
      helpers(sandbox, ENTERPRISE).post("/reset").then().statusCode(200);
      org.assertj.core.api.Assertions.assertThat(downloadStatus(sandbox, ENTERPRISE, SITE, mine))
          .as("reset forgot my export")
          .isEqualTo(404);
      org.assertj.core.api.Assertions.assertThat(
              downloadStatus(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE, theirs))
          .as("the other account's failed export is still known")
          .isEqualTo(404);
      helpers(sandbox, ENTERPRISE_2)
          .post("/exports/" + theirs + "/complete")
          .then()
          .statusCode(409);
    }
  }

  @Test
  void theHelpersAreAuthenticatedRateLimitedAndCanBeClosed() {
    try (Sandbox sandbox = Sandbox.builder().port(0).rateLimit(2).start()) {
      given().baseUri(sandbox.rootUrl()).get("/__sandbox/clock").then().statusCode(401);
      helpers(sandbox, ENTERPRISE).get("/clock").then().statusCode(200);
      helpers(sandbox, ENTERPRISE).get("/clock").then().statusCode(200);
      helpers(sandbox, ENTERPRISE)
          .get("/clock")
          .then()
          .statusCode(429)
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
    try (Sandbox sandbox = Sandbox.builder().port(0).testHelpers(false).start()) {
      helpers(sandbox, ENTERPRISE)
          .get("/clock")
          .then()
          .statusCode(404)
          .contentType(startsWith("application/json"));
    }
  }

  @Test
  void theControlApiMovesOrResetsOneAccountByItsId() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      String mine = requestExport(sandbox, ENTERPRISE, SITE);
      control(sandbox)
          .body("{\"seconds\": 61}")
          .post("/accounts/1/clock/advance")
          .then()
          .statusCode(200)
          .body("account_id", equalTo(1));
      control(sandbox)
          .get("/accounts/2/clock")
          .then()
          .statusCode(200)
          .body("offset_seconds", equalTo(0));
      control(sandbox).get("/accounts/999/clock").then().statusCode(404);
      control(sandbox).get("/accounts/abc/clock").then().statusCode(400);
      org.assertj.core.api.Assertions.assertThat(downloadStatus(sandbox, ENTERPRISE, SITE, mine))
          .isEqualTo(200);
      control(sandbox).post("/accounts/1/reset").then().statusCode(200);
      control(sandbox).get("/accounts/1/clock").then().body("offset_seconds", equalTo(0));
    }
  }

  @Test
  void aSessionIsAFreshIsolatedEnterpriseAccountUntilItEnds() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      JsonPath session =
          control(sandbox).post("/sessions").then().statusCode(200).extract().jsonPath();
      String key = session.getString("enterprise_key");
      long site = session.getList("site_ids", Long.class).get(0);
      requestExport(sandbox, key, site);
      requestExport(sandbox, ENTERPRISE, SITE); // the same type, another account: no 409
      api(sandbox, session.getString("basic_key"))
          .queryParam("site_id", session.getLong("basic_site_id"))
          .get("/exports")
          .then()
          .statusCode(401)
          .body("message", equalTo("Exports are available exclusively for Enterprise accounts."));
      helpers(sandbox, key)
          .body("{\"seconds\": 3600}")
          .post("/clock/advance")
          .then()
          .statusCode(200);
      helpers(sandbox, ENTERPRISE).get("/clock").then().body("offset_seconds", equalTo(0));
      control(sandbox)
          .delete("/sessions/" + session.getString("session_id"))
          .then()
          .statusCode(200);
      listExports(sandbox, key, site).then().statusCode(401);
      control(sandbox)
          .delete("/sessions/" + session.getString("session_id"))
          .then()
          .statusCode(404);
    }
  }
}
