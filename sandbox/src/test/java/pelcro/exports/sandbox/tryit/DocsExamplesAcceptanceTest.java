package pelcro.exports.sandbox.tryit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.openapi.ExportsSpec.requestExamples;

import io.restassured.http.ContentType;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.Sandbox;

/**
 * The request page's 14 examples, read from the spec (never retyped), work verbatim on a default
 * sandbox on the real clock: each is queued with 200, the accounting package of January 2024
 * included.
 */
class DocsExamplesAcceptanceTest {
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).rateLimit(0).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void everyRequestExampleOfTheSpecIsQueuedVerbatim() {
    Map<String, Integer> statuses = new TreeMap<>();
    Map<String, String> answers = new TreeMap<>();
    requestExamples(ExportsSpec.get().model())
        .forEach(
            (name, example) -> {
              var response =
                  given()
                      .header("Authorization", "Bearer sk_test_enterprise")
                      .queryParam("site_id", 1001)
                      .contentType(ContentType.JSON)
                      .body(example.getValue())
                      .post(sandbox.baseUrl() + "/exports");
              statuses.put(name, response.statusCode());
              answers.put(name, response.asString());
            });

    assertThat(statuses).hasSize(14).containsKey("accounting");
    assertThat(statuses)
        .as("answers: %s", answers)
        .allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo(200));
  }

  @Test
  void theDocsPageServesTheExamplesAsTheSpecWritesThem() {
    String yaml =
        given()
            .get(sandbox.rootUrl() + "/docs/openapi.yaml")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    OpenAPI served = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();

    Map<String, Object> servedValues = new TreeMap<>();
    requestExamples(served).forEach((name, e) -> servedValues.put(name, e.getValue()));
    Map<String, Object> specValues = new TreeMap<>();
    requestExamples(ExportsSpec.get().model())
        .forEach((name, e) -> specValues.put(name, e.getValue()));
    assertThat(servedValues).hasSize(14).isEqualTo(specValues);
  }
}
