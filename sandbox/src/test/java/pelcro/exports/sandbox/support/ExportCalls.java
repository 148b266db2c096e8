package pelcro.exports.sandbox.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static pelcro.exports.sandbox.SpecValidated.api;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import pelcro.exports.openapi.model.RequestExportError;
import pelcro.exports.sandbox.Fixtures;
import pelcro.exports.sandbox.Sandbox;

/** The calls that many acceptance tests make the same way: requesting an export, the helpers. */
public final class ExportCalls {
  private ExportCalls() {}

  /** Requests the 90 days of subscriptions before now, asserts a 200, and gives its uuid. */
  public static String requestExport(Sandbox sandbox, String key, long site) {
    return accepted(postExport(sandbox, key, site));
  }

  /** Requests the 90 days of {@code type} before now, asserts a 200, and gives its uuid. */
  public static String requestExport(Sandbox sandbox, String key, long site, String type) {
    return accepted(postExport(sandbox, key, site, type));
  }

  /** Requests an export of {@code body}, asserts a 200, and gives its uuid. */
  public static String requestExport(
      Sandbox sandbox, String key, long site, Map<String, Object> body) {
    return accepted(postExport(sandbox, key, site, body));
  }

  /** Asserts that an export request got a 200, and gives its uuid. */
  private static String accepted(Response answer) {
    return answer.then().statusCode(200).extract().path("data.uuid");
  }

  /** Requests the 90 days of subscriptions before now, and gives the answer whatever it is. */
  public static Response postExport(Sandbox sandbox, String key, long site) {
    return postExport(sandbox, key, site, "subscriptions");
  }

  /** Requests the 90 days of {@code type} before now, and gives the answer whatever it is. */
  public static Response postExport(Sandbox sandbox, String key, long site, String type) {
    return postExport(sandbox, key, site, Fixtures.ofType(type));
  }

  /** Requests an export of {@code body}, and gives the answer whatever it is. */
  public static Response postExport(
      Sandbox sandbox, String key, long site, Map<String, Object> body) {
    return api(sandbox, key)
        .queryParam("site_id", site)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/exports");
  }

  /** Asserts the vendor's 400 "Nothing to export" answer to an export request. */
  public static void assertNothingToExport(Response answer) {
    answer
        .then()
        .statusCode(400)
        .body("message", equalTo(RequestExportError.MessageEnum.NOTHING_TO_EXPORT.getValue()));
  }

  /** Lists a site's exports. */
  public static Response listExports(Sandbox sandbox, String key, long site) {
    return api(sandbox, key).queryParam("site_id", site).get("/exports");
  }

  /** Downloads an export, and gives the answer's status. */
  public static int downloadStatus(Sandbox sandbox, String key, long site, String uuid) {
    return api(sandbox, key)
        .queryParam("site_id", site)
        .get("/exports/" + uuid)
        .then()
        .extract()
        .statusCode();
  }

  /**
   * Fails an export by hand through {@code calls} (the control API or the test helpers) for {@code
   * reason}, and gives the answer to check.
   */
  public static ValidatableResponse failByHand(
      RequestSpecification calls, String uuid, String reason) {
    return calls.body("{\"reason\": \"" + reason + "\"}").post("/exports/" + uuid + "/fail").then();
  }

  /** A request to the test helpers ({@code /__sandbox}), made with an account's own key. */
  public static RequestSpecification helpers(Sandbox sandbox, String key) {
    return given()
        .baseUri(sandbox.rootUrl() + "/__sandbox")
        .contentType(ContentType.JSON)
        .header("Authorization", "Bearer " + key);
  }
}
