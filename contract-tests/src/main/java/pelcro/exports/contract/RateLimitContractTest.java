package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Arrays;
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
  @Documented(
      value = "rate-limits: over the per-minute limit, every operation answers 429",
      covers = {"listExports:429", "requestExport:429", "downloadExport:429"})
  void answersTooManyRequestsPastThePerMinuteLimit() {
    try (InProcessSandbox limited = InProcessSandbox.start(b -> b.rateLimit(LIMIT))) {
      Target.runWith(
          Target.dedicatedSandbox(limited.baseUrl()),
          () -> {
            Account account = Target.get().enterprise();
            Response[] past = pastTheLimit(account);
            if (Arrays.stream(past)
                .anyMatch(answer -> answer.statusCode() != 429 && freshWindow(answer))) {
              // The limit counts whole minutes: one ended between the last counted request and
              // these, and the count started again. Once more, well inside the new minute.
              past = pastTheLimit(account);
            }
            assertThat(past[0].statusCode())
                .as("rate-limits: listExports past the limit must be 429")
                .isEqualTo(429);
            assertThat(past[1].statusCode())
                .as("rate-limits: requestExport past the limit must be 429")
                .isEqualTo(429);
            assertThat(past[2].statusCode())
                .as("rate-limits: downloadExport past the limit must be 429")
                .isEqualTo(429);
            return null;
          });
    }
  }

  /**
   * Spends the account's limit (until the sandbox says none remains, so a minute ending midway only
   * costs more requests), then calls each operation once.
   */
  private static Response[] pastTheLimit(Account account) {
    // Unpaced: every other caller waits under the limit and retries a 429, this one must see it.
    for (int i = 0; i < 3 * LIMIT; i++) {
      Response spent = Api.withoutPacingAs(account).when().get("/exports");
      if ("0".equals(spent.header("X-RateLimit-Remaining"))) {
        break;
      }
    }
    Response list = Api.withoutPacingAs(account).when().get("/exports");
    Response request =
        Api.withoutPacingAs(account)
            .contentType(ContentType.JSON)
            .body(Exports.recent("subscriptions"))
            .when()
            .post("/exports");
    Response download =
        Api.withoutPacingAs(account).when().get("/exports/{uuid}", UUID.randomUUID().toString());
    return new Response[] {list, request, download};
  }

  /** Whether an answer was the first counted in its minute. */
  private static boolean freshWindow(Response answer) {
    return Integer.toString(LIMIT - 1).equals(answer.header("X-RateLimit-Remaining"));
  }
}
