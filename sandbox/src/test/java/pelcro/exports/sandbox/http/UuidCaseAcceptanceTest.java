package pelcro.exports.sandbox.http;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE_2;
import static pelcro.exports.sandbox.Fixtures.OTHER_ACCOUNT_SITE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.failByHand;
import static pelcro.exports.sandbox.support.ExportCalls.helpers;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/**
 * An export's uuid is matched without case everywhere it names an export, as the vendor's database
 * (MySQL's default collations) would match it: the download, the control API and the test helpers.
 */
class UuidCaseAcceptanceTest {
  private static final String GONE =
      "The requested file has already been downloaded or has expired.";
  private static final String NOT_FOUND =
      "The requested file was not found, please try to export again.";

  private static String upper(String uuid) {
    return uuid.toUpperCase(Locale.ROOT);
  }

  @Test
  void aFinishedExportDownloadsOnceByItsUuidInUpperCaseAndThenIsGoneInEveryCase() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      String uuid = requestExport(sandbox, ENTERPRISE, SITE);
      control(sandbox)
          .post("/exports/" + upper(uuid) + "/complete")
          .then()
          .statusCode(200)
          .body("uuid", equalTo(uuid))
          .body("finished_at", notNullValue());
      api(sandbox, ENTERPRISE)
          .queryParam("site_id", SITE)
          .get("/exports/" + upper(uuid))
          .then()
          .statusCode(200);
      api(sandbox, ENTERPRISE)
          .queryParam("site_id", SITE)
          .get("/exports/" + uuid)
          .then()
          .statusCode(400)
          .body("message", equalTo(GONE));
    }
  }

  @Test
  void theControlApiFailsAnExportNamedInMixedCase() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      String uuid = requestExport(sandbox, ENTERPRISE, SITE);
      String mixed = uuid.substring(0, 9) + upper(uuid.substring(9));
      failByHand(control(sandbox), mixed, "Disk full")
          .statusCode(200)
          .body("failed_reason", equalTo("Disk full"));
      api(sandbox, ENTERPRISE)
          .queryParam("site_id", SITE)
          .get("/exports/" + uuid)
          .then()
          .statusCode(404)
          .body("message", equalTo(NOT_FOUND));
    }
  }

  @Test
  void theTestHelpersCompleteAndFailByUpperCaseUuidsButOnlyTheCallersOwn() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).jobSeconds(60).start()) {
      String mine = requestExport(sandbox, ENTERPRISE, SITE);
      String theirs = requestExport(sandbox, ENTERPRISE_2, OTHER_ACCOUNT_SITE);
      helpers(sandbox, ENTERPRISE)
          .post("/exports/" + upper(theirs) + "/complete")
          .then()
          .statusCode(404);
      helpers(sandbox, ENTERPRISE)
          .post("/exports/" + upper(mine) + "/complete")
          .then()
          .statusCode(200)
          .body("uuid", equalTo(mine));
      failByHand(helpers(sandbox, ENTERPRISE_2), upper(theirs), "x")
          .statusCode(200)
          .body("failed_reason", equalTo("x"));
    }
  }
}
