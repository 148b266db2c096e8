package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.InProcessSandbox;
import pelcro.exports.contract.support.SandboxOnly;
import pelcro.exports.contract.support.Target;

/** 429 past the account's per-minute limit (rate-limits). */
class RateLimitContractTest {
  private static final int LIMIT = 3;

  @Test
  @SandboxOnly("exhausting a real account's limit would break every other test for a minute")
  @Documented(value = "rate-limits: over the per-minute limit, every operation answers 429",
      covers = {"listExports:429", "requestExport:429", "downloadExport:429"})
  void answersTooManyRequestsPastThePerMinuteLimit() {
    try (InProcessSandbox limited = InProcessSandbox.start(b -> b.rateLimit(LIMIT))) {
      Target.runWith(Target.dedicatedSandbox(limited.baseUrl()), () -> {
        Account account = Target.get().enterprise();
        // Unpaced: every other caller waits under the limit and retries a 429, this one must see it.
        for (int i = 0; i < LIMIT; i++) {
          Api.withoutPacingAs(account).when().get("/exports");
        }
        Response list = Api.withoutPacingAs(account).when().get("/exports");
        Response request = Api.withoutPacingAs(account).contentType(ContentType.JSON)
            .body(Exports.recent("subscriptions")).when().post("/exports");
        Response download = Api.withoutPacingAs(account).when().get("/exports/{uuid}", UUID.randomUUID().toString());

        assertThat(list.statusCode()).as("rate-limits: listExports past the limit must be 429").isEqualTo(429);
        assertThat(request.statusCode()).as("rate-limits: requestExport past the limit must be 429").isEqualTo(429);
        assertThat(download.statusCode()).as("rate-limits: downloadExport past the limit must be 429").isEqualTo(429);
        return null;
      });
    }
  }
}
