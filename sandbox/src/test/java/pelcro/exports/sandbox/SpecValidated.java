package pelcro.exports.sandbox;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Acceptance-test support: every response is validated against the spec (a mismatch throws and
 * fails the test); requests are not, so deliberately invalid ones can be sent.
 */
public final class SpecValidated {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(ExportsSpec.get().yaml())
          .withBasePathOverride("/api/v1/core")
          .withLevelResolver(
              LevelResolver.create()
                  .withLevel("validation.request", ValidationReport.Level.IGNORE)
                  .build())
          .build();
  private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(VALIDATOR);

  /**
   * Fails unless a response obtained without REST Assured matches the spec.
   *
   * @param path the request path, e.g. {@code /api/v1/core/exports}, query excluded
   */
  public static void assertResponseValid(
      String method, String path, int status, String contentType, String body) {
    com.atlassian.oai.validator.model.SimpleResponse.Builder response =
        com.atlassian.oai.validator.model.SimpleResponse.Builder.status(status).withBody(body);
    if (contentType != null) {
      response.withContentType(contentType);
    }
    ValidationReport report =
        VALIDATOR.validateResponse(
            path,
            com.atlassian.oai.validator.model.Request.Method.valueOf(method),
            response.build());
    if (report.hasErrors()) {
      throw new AssertionError(method + " " + path + " " + status + ": " + report.getMessages());
    }
  }

  private SpecValidated() {}

  /** A request to the sandbox's API with the response validator attached. */
  public static RequestSpecification api(Sandbox sandbox) {
    return given()
        .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()))
        .baseUri(sandbox.baseUrl())
        .filter(FILTER);
  }

  /** The same, authenticated with {@code key}. */
  public static RequestSpecification api(Sandbox sandbox, String key) {
    return api(sandbox).header("Authorization", "Bearer " + key);
  }

  /** A request to the control API (not in the spec, so not validated). */
  public static RequestSpecification control(Sandbox sandbox) {
    return given().baseUri(sandbox.controlUrl()).contentType("application/json");
  }
}
