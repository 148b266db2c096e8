package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** {@code GET /health}: open to all, even with {@code --no-admin}, and never rate limited. */
class HealthAcceptanceTest {

  @Test
  void answersReadyWithoutAKeyWithAdminClosedAndPastTheRateLimit() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).rateLimit(1).start()) {
      for (int i = 0; i < 3; i++) {
        given().baseUri(sandbox.rootUrl()).get("/health").then().statusCode(200)
            .contentType(startsWith("application/json"))
            .body("status", equalTo("ok")).body("spec_loaded", equalTo(true))
            .body("data_loaded", equalTo(true));
      }
    }
  }
}
