package pelcro.exports.sandbox.tryit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.PlainHttp;
import pelcro.exports.sandbox.tryit.support.TestClocks;

class CorsAndDocsAcceptanceTest {
  static final String DOCS_ORIGIN = "https://docs.example.com";
  static final String BODY = PlainHttp.DOCS_BODY;
  static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox =
        TestClocks.sandboxInJune2024()
            .jobSeconds(1)
            .rateLimit(0)
            .corsOrigins(List.of(DOCS_ORIGIN))
            .tryIt(true)
            .start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aPreflightFromAListedOriginIsGranted() {
    Response r =
        given()
            .header("Origin", DOCS_ORIGIN)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .when()
            .options(sandbox.baseUrl() + "/exports");

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(DOCS_ORIGIN);
    assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, POST, OPTIONS");
    assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("Authorization, Content-Type");
    assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
    assertThat(r.header("Vary")).isEqualTo("Origin");
    assertThat(r.headers().getValues("Access-Control-Allow-Origin"))
        .as("exactly one grant")
        .hasSize(1);
  }

  @Test
  void aListedOriginCanReadTheDownloadAndItsFileName() {
    String uuid =
        given()
            .header("Origin", DOCS_ORIGIN)
            .auth()
            .oauth2("sk_try_cors")
            .contentType(ContentType.JSON)
            .body(BODY)
            .when()
            .post(sandbox.baseUrl() + "/exports?site_id=1001")
            .then()
            .statusCode(200)
            .header("Access-Control-Allow-Origin", DOCS_ORIGIN)
            .extract()
            .path("data.uuid");
    sandbox.clock().advance(Duration.ofSeconds(2));

    Response download =
        given()
            .header("Origin", DOCS_ORIGIN)
            .auth()
            .oauth2("sk_try_cors")
            .when()
            .get(sandbox.baseUrl() + "/exports/" + uuid + "?site_id=1001");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().getValues("Access-Control-Allow-Origin"))
        .containsExactly(DOCS_ORIGIN);
    assertThat(download.header("Access-Control-Expose-Headers"))
        .contains("Content-Disposition", "Content-Type");
    assertThat(download.header("Content-Disposition")).contains(uuid);
  }

  @Test
  void anOriginOutsideTheListGetsNoCorsGrant() {
    Response preflight =
        given()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "POST")
            .when()
            .options(sandbox.baseUrl() + "/exports");
    Response actual =
        given()
            .header("Origin", "https://evil.example")
            .auth()
            .oauth2("sk_try_evil")
            .when()
            .get(sandbox.baseUrl() + "/exports?site_id=1001");

    assertThat(preflight.headers().asList())
        .noneMatch(h -> h.getName().startsWith("Access-Control-"));
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().asList()).noneMatch(h -> h.getName().startsWith("Access-Control-"));
  }

  @Test
  void errorsToAListedOriginCarryTheGrantTooSoThePageCanShowThem() {
    given()
        .header("Origin", DOCS_ORIGIN)
        .auth()
        .oauth2("sk_try_cors_err")
        .contentType(ContentType.JSON)
        .body("{\"object\":\"subscriptions\"}")
        .when()
        .post(sandbox.baseUrl() + "/exports?site_id=1001")
        .then()
        .statusCode(400)
        .header("Access-Control-Allow-Origin", DOCS_ORIGIN);
  }

  @Test
  void theDocsPageRendersTheSpecServedByTheSandbox() {
    given()
        .when()
        .get(sandbox.docsUrl())
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.startsWith("text/html"));
    String spec =
        given()
            .when()
            .get(sandbox.docsUrl() + "/openapi.yaml")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(spec).contains("  - url: /api/v1/core\n");
    given()
        .when()
        .get(sandbox.docsUrl() + "/swagger-ui-bundle.js")
        .then()
        .statusCode(200)
        .contentType(org.hamcrest.Matchers.startsWith("application/javascript"));
    given().when().get(sandbox.docsUrl() + "/missing.js").then().statusCode(404);
  }
}
