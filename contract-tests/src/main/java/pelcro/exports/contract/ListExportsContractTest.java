package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.openapi.ExportsSpec;

/** GET /exports: the list of export types. */
class ListExportsContractTest {

  @Test
  @Documented("overview, Endpoints: List Exports — see all available export types")
  void listsTheExportTypesThatRequestExportAccepts() {
    Response r = Api.enterprise().when().get("/exports");

    assertThat(r.statusCode())
        .as("overview: GET /exports must answer 200 for an Enterprise account")
        .isEqualTo(200);
    List<Object> data = r.jsonPath().getList("data");
    assertThat(data).as("overview: the list holds the export types").isNotEmpty();
    if (data.get(0) instanceof String) {
      // The default reading (x-decision of listExports): exactly the spec's export types.
      assertThat(data)
          .as("request-export: `object` takes the values the list endpoint names")
          .containsExactlyInAnyOrderElementsOf(ExportsSpec.get().schema("ExportType").getEnum());
    }
  }

  @Test
  @Documented(
      "pagination: limit up to 100 (x-decision of Limit: a larger limit or a non-numeric page is served, not refused)")
  void servesALimitAboveOneHundredAndANonNumericPage() {
    Response r =
        Api.enterprise().queryParam("limit", 1000).queryParam("page", "abc").when().get("/exports");

    assertThat(r.statusCode())
        .as("x-decision of Limit: limit=1000&page=abc must be served (body: %s)", r.asString())
        .isEqualTo(200);
  }

  @Test
  @Documented("core-intro: site_id is required at all times")
  void refusesListingWithoutSiteId() {
    Response r =
        Api.anonymous()
            .header("Authorization", "Bearer " + Target.get().enterprise().key())
            .when()
            .get("/exports");

    Exports.assertFieldRefused(
        r,
        "core-intro: a call without site_id must be refused with 400",
        "site_id",
        "core-errors: errors names site_id");
  }
}
