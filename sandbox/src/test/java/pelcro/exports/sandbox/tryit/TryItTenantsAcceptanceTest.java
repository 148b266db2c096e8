package pelcro.exports.sandbox.tryit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.support.PlainHttp.get;
import static pelcro.exports.sandbox.support.PlainHttp.postExport;
import static pelcro.exports.sandbox.support.PlainHttp.queueExport;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;
import pelcro.exports.sandbox.tryit.support.TestClocks;

class TryItTenantsAcceptanceTest {
  static final String BODY = CorsAndDocsAcceptanceTest.BODY;

  private static int post(Sandbox sandbox, String key) {
    return postExport(sandbox, key, BODY).statusCode();
  }

  private static String queue(Sandbox sandbox, String key) {
    return queueExport(sandbox, key, BODY);
  }

  /**
   * Lists site 1001's exports with {@code key} as sent through {@code forwardedFor}: the status.
   */
  private static int listFrom(Sandbox sandbox, String key, String forwardedFor) {
    return given()
        .auth()
        .oauth2(key)
        .header("X-Forwarded-For", forwardedFor)
        .when()
        .get(sandbox.baseUrl() + "/exports?site_id=1001")
        .statusCode();
  }

  /** A sandbox with try-it on, in June 2024, without the rate limit, whose jobs take jobSeconds. */
  private static SandboxBuilder tryItSandbox(int jobSeconds) {
    return TestClocks.sandboxInJune2024().jobSeconds(jobSeconds).rateLimit(0).tryIt(true);
  }

  @Test
  void eachVisitorGetsAnOwnEnterpriseAccountAndOneVisitorsExportNeverBlocksAnother() {
    try (Sandbox sandbox = tryItSandbox(600).start()) {
      assertThat(post(sandbox, "sk_try_alice")).isEqualTo(200);
      assertThat(post(sandbox, "sk_try_bob")).isEqualTo(200);
      assertThat(post(sandbox, "sk_test_enterprise")).isEqualTo(200);
      assertThat(post(sandbox, "sk_try_alice")).isEqualTo(409);

      get(sandbox, "sk_try_bob", "/exports?site_id=1002").then().statusCode(200);
    }
  }

  @Test
  void aVisitorCannotReachAnotherVisitorsExport() {
    try (Sandbox sandbox = tryItSandbox(1).start()) {
      String uuid = queue(sandbox, "sk_try_alice");
      sandbox.clock().advance(Duration.ofSeconds(2));
      get(sandbox, "sk_try_mallory", "/exports/" + uuid + "?site_id=1001").then().statusCode(404);
    }
  }

  @Test
  void withoutTryItATryKeyIsUnauthenticated() {
    try (Sandbox sandbox = TestClocks.sandboxInJune2024().rateLimit(0).start()) {
      assertThat(post(sandbox, "sk_try_alice")).isEqualTo(401);
    }
  }

  @Test
  void anIdleTenantExpiresWithItsExports() {
    try (Sandbox sandbox = tryItSandbox(1).tryItIdleMinutes(5).start()) {
      String uuid = queue(sandbox, "sk_try_alice");
      sandbox.clock().advance(Duration.ofMinutes(6));

      get(sandbox, "sk_try_alice", "/exports/" + uuid + "?site_id=1001").then().statusCode(404);
    }
  }

  @Test
  void pastTheCapTheLeastRecentlyUsedTenantIsEvictedWithItsExports() {
    try (Sandbox sandbox =
        tryItSandbox(1).tryItMaxTenants(2).tryItCreationLimits(100, 100).start()) {
      String first = queue(sandbox, "sk_try_v1");
      for (int i = 2; i <= 10; i++) {
        queue(sandbox, "sk_try_v" + i);
      }
      sandbox.clock().advance(Duration.ofSeconds(2));

      get(sandbox, "sk_try_v1", "/exports/" + first + "?site_id=1001").then().statusCode(404);
    }
  }

  @Test
  void oneClientMakingKeysFasterThanTheLimitIsThrottledWithoutEvictingAnyone() {
    try (Sandbox sandbox = tryItSandbox(1).tryItMaxTenants(5).tryItCreationLimits(3, 100).start()) {
      String visitor = queue(sandbox, "sk_try_visitor");
      for (int i = 0; i < 2; i++) {
        get(sandbox, "sk_try_farm" + i, "/exports?site_id=1001").then().statusCode(200);
      }
      for (int i = 2; i < 20; i++) {
        get(sandbox, "sk_try_farm" + i, "/exports?site_id=1001")
            .then()
            .statusCode(429)
            .header("Retry-After", org.hamcrest.Matchers.notNullValue())
            .body("message", org.hamcrest.Matchers.equalTo("Too Many Attempts."));
      }
      sandbox.clock().advance(Duration.ofSeconds(2));
      get(sandbox, "sk_try_visitor", "/exports/" + visitor + "?site_id=1001")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void aClientCannotDodgeItsLimitByNamingAnotherAddressUnlessItIsATrustedProxy() {
    try (Sandbox sandbox =
        Sandbox.builder().port(0).rateLimit(0).tryIt(true).tryItCreationLimits(2, 100).start()) {
      for (int i = 0; i < 4; i++) {
        assertThat(listFrom(sandbox, "sk_try_spoof" + i, "10.0.0." + i))
            .isEqualTo(i < 2 ? 200 : 429);
      }
    }
    try (Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .rateLimit(0)
            .tryIt(true)
            .tryItCreationLimits(2, 100)
            .trustedProxies(java.util.List.of("127.0.0.1"))
            .start()) {
      for (int i = 0; i < 4; i++) {
        // Behind nginx every client arrives from 127.0.0.1: the header names each one.
        assertThat(listFrom(sandbox, "sk_try_behind" + i, "203.0.113.9, 10.0.0." + i))
            .isEqualTo(200);
      }
    }
  }
}
