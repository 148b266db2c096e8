package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static pelcro.exports.sandbox.Fixtures.*;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.failByHand;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;

import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** The control API, the 403 mode and {@code --no-admin}. */
class ControlApiAcceptanceTest {

  @Test
  void showsAndAdvancesTheClockAndResetsEverything() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      long now =
          control(sandbox).get("/clock").then().statusCode(200).extract().<Integer>path("now");
      control(sandbox)
          .body("{\"seconds\": 3600}")
          .post("/clock/advance")
          .then()
          .statusCode(200)
          .body("now", greaterThanOrEqualTo((int) now + 3600))
          .body("offset_seconds", equalTo(3600));
      control(sandbox)
          .body("{\"seconds\": -1}")
          .post("/clock/advance")
          .then()
          .statusCode(400)
          .body("message", notNullValue());
      control(sandbox).body("{oops").post("/clock/advance").then().statusCode(400);
      requestExport(sandbox, ENTERPRISE, SITE);
      control(sandbox).post("/reset").then().statusCode(200);
      control(sandbox).get("/clock").then().body("offset_seconds", equalTo(0));
      requestExport(sandbox, ENTERPRISE, SITE);
    }
  }

  @Test
  void completesOrFailsOnlyRunningExports() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      control(sandbox).post("/exports/nope/complete").then().statusCode(404);
      String uuid = requestExport(sandbox, ENTERPRISE, SITE);
      control(sandbox)
          .post("/exports/" + uuid + "/complete")
          .then()
          .statusCode(200)
          .body("finished_at", notNullValue())
          .body("started_at", notNullValue());
      failByHand(control(sandbox), uuid, "x").statusCode(409);
    }
  }

  @Test
  void answersNonEnterpriseKeysWith403WhenAsked() {
    try (Sandbox sandbox = Sandbox.builder().port(0).nonEnterpriseStatus(403).start()) {
      given()
          .baseUri(sandbox.baseUrl())
          .header("Authorization", "Bearer " + BASIC)
          .queryParam("site_id", BASIC_SITE)
          .get("/exports")
          .then()
          .statusCode(403)
          .body("message", equalTo("Exports are available exclusively for Enterprise accounts."));
    }
  }

  @Test
  void closesTheWholeAdminApiWithNoAdmin() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).start()) {
      control(sandbox).post("/reset").then().statusCode(404);
      given().baseUri(sandbox.rootUrl()).get("/__admin/mappings").then().statusCode(404);
      given().baseUri(sandbox.rootUrl()).post("/__admin/shutdown").then().statusCode(404);
      listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200);
    }
  }

  @Test
  void boundsWireMocksRequestJournal() {
    try (Sandbox sandbox = Sandbox.builder().port(0).journalEntries(2).start()) {
      for (int i = 0; i < 5; i++) {
        listExports(sandbox, ENTERPRISE, SITE).then().statusCode(200);
      }
      given()
          .baseUri(sandbox.rootUrl())
          .get("/__admin/requests")
          .then()
          .statusCode(200)
          .body("requests.size()", equalTo(2));
    }
  }
}
