package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** {@code GET /health}: open to all, even with {@code --no-admin}, and never rate limited. */
class HealthAcceptanceTest {

  @Test
  void answersReadyWithoutAKeyWithAdminClosedAndPastTheRateLimit() {
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).rateLimit(1).start()) {
      for (int i = 0; i < 3; i++) {
        given()
            .baseUri(sandbox.rootUrl())
            .get("/health")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/json"))
            .body("status", equalTo("ok"))
            .body("spec_loaded", equalTo(true))
            .body("data_loaded", equalTo(true));
      }
    }
  }

  @Test
  void answersStartingWhileTheBannerIsPrintedAndReadyOnceItIsOut() {
    AtomicReference<Response> duringBanner = new AtomicReference<>();
    try (Sandbox sandbox =
        Sandbox.start(
            Sandbox.builder().port(0).options(),
            Clock.systemUTC(),
            starting -> duringBanner.set(given().baseUri(starting.rootUrl()).get("/health")))) {
      // Everything is loaded and warmed up, but a health check must not let a client in
      // while the command line still prints its banner (that work would slow its first request).
      assertEquals(503, duringBanner.get().statusCode());
      assertEquals("starting", duringBanner.get().path("status"));
      assertEquals(Boolean.TRUE, duringBanner.get().path("data_loaded"));
      assertEquals(Boolean.FALSE, duringBanner.get().path("warmed_up"));
      given()
          .baseUri(sandbox.rootUrl())
          .get("/health")
          .then()
          .statusCode(200)
          .body("status", equalTo("ok"));
    }
  }
}
