package pelcro.exports.sandbox.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.PlainHttp;
import pelcro.exports.sandbox.tryit.support.TestClocks;

class RateLimitAcceptanceTest {
  static final String BODY = PlainHttp.DOCS_BODY;

  private static Response list(Sandbox sandbox, String key) {
    return PlainHttp.get(sandbox, key, "/exports?site_id=1001");
  }

  /** Lists with {@code key}, asserts a 200, and gives the answer. */
  private static Response listed(Sandbox sandbox, String key) {
    Response answer = list(sandbox, key);
    assertThat(answer.statusCode()).isEqualTo(200);
    return answer;
  }

  private static Response post(Sandbox sandbox) {
    return PlainHttp.postExport(sandbox, "sk_test_enterprise", BODY);
  }

  @Test
  void aRequestOverTheLimitGets429WithTheDocumentedMessageAndSandboxHeaders() {
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().rateLimit(3).start()) {
      for (int i = 0; i < 3; i++) {
        assertThat(listed(sandbox, "sk_test_enterprise").header("X-RateLimit-Remaining"))
            .isEqualTo(Integer.toString(2 - i));
      }
      Response refused = list(sandbox, "sk_test_enterprise");

      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.asString()).isEqualTo("{\"message\":\"Too Many Attempts.\"}");
      assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("3");
      assertThat(refused.header("Retry-After")).matches("[1-9][0-9]?");
      assertThat(
              given()
                  .auth()
                  .oauth2("sk_test_enterprise_2")
                  .when()
                  .get(sandbox.baseUrl() + "/exports?site_id=2001")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void aRefusedRequestChangesNoState() {
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().jobSeconds(3600).rateLimit(1).start()) {
      list(sandbox, "sk_test_enterprise");
      assertThat(post(sandbox).statusCode()).isEqualTo(429);

      sandbox.clock().advance(Duration.ofMinutes(1));

      assertThat(post(sandbox).statusCode())
          .as("no export was queued by the refused request")
          .isEqualTo(200);
    }
  }

  @Test
  void theAccountsFilesApiCoreRateLimitOverridesTheDefault(@TempDir Path dir) throws Exception {
    Path accounts = dir.resolve("accounts.json");
    Files.writeString(
        accounts,
        """
        {"accounts": [
          {"id": 7, "key": "sk_vendor", "enterprise": true, "sites": [1001], "user_id": 70,
           "user_email": "ops@vendor.example", "api_core_rate_limit": 5},
          {"id": 8, "key": "sk_plain", "enterprise": true, "sites": [1001], "user_id": 80,
           "user_email": "ops@plain.example"}
        ]}""");
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().rateLimit(2).accounts(accounts).start()) {
      for (int i = 0; i < 5; i++) {
        assertThat(list(sandbox, "sk_vendor").statusCode()).isEqualTo(200);
      }
      assertThat(list(sandbox, "sk_vendor").statusCode()).isEqualTo(429);
      assertThat(list(sandbox, "sk_plain").statusCode()).isEqualTo(200);
      assertThat(list(sandbox, "sk_plain").statusCode()).isEqualTo(200);
      assertThat(list(sandbox, "sk_plain").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void rateLimitZeroTurnsLimitingOff() {
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().rateLimit(0).start()) {
      for (int i = 0; i < 150; i++) {
        assertThat(listed(sandbox, "sk_test_enterprise").header("X-RateLimit-Limit")).isNull();
      }
    }
  }

  @Test
  void byDefaultTheVendors120PerMinuteApply() {
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().start()) {
      Response first = list(sandbox, "sk_test_enterprise");
      assertThat(first.header("X-RateLimit-Limit")).isEqualTo("120");
    }
  }
}
