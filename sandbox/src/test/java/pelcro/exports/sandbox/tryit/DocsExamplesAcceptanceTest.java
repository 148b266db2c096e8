package pelcro.exports.sandbox.tryit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** The request examples the docs page serves work as they are, on the real clock. */
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
  void everyServedRequestExampleQueuesAnExportOnTheRealClock() {
    String yaml = given().get(sandbox.rootUrl() + "/docs/openapi.yaml").then().statusCode(200)
        .extract().asString();
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();
    Map<String, Example> examples = api.getPaths().get("/exports").getPost().getRequestBody()
        .getContent().get("application/json").getExamples();

    Map<String, String> answers = new TreeMap<>();
    examples.forEach((name, example) -> answers.put(name, given()
        .header("Authorization", "Bearer sk_test_enterprise").queryParam("site_id", 1001)
        .contentType(ContentType.JSON).body(example.getValue())
        .post(sandbox.baseUrl() + "/exports").then().extract().asString()));

    assertThat(answers).hasSize(14);
    assertThat(answers).as("docs examples answered with 'Nothing to export' or an error")
        .allSatisfy((name, status) -> assertThat(status).as(name).contains("\"uuid\""));
  }
}
