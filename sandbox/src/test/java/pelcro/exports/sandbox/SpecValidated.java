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
  private static final OpenApiValidationFilter FILTER =
      new OpenApiValidationFilter(
          OpenApiInteractionValidator.createForInlineApiSpecification(ExportsSpec.get().yaml())
              .withBasePathOverride("/api/v1/core")
              .withLevelResolver(
                  LevelResolver.create()
                      .withLevel("validation.request", ValidationReport.Level.IGNORE)
                      .build())
              .build());

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
