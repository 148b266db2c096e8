package pelcro.exports.runner;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.runner.RunnerProcess.allAccounts;
import static pelcro.exports.runner.RunnerProcess.args;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.domain.KeyMask;

/**
 * Pacing for real: the runner, as a separate process, runs suite classes that send about 40
 * requests, most of them on one account, against a sandbox limited to {@value #LIMIT} a minute, and
 * must pass with the limiter approached (nearly {@value #LIMIT} requests within a minute) but never
 * refusing. A full run against the default 120 a minute takes a few minutes: see the README for the
 * figure.
 */
class RunnerPacesUnderTheRateLimitTest {
  private static final int LIMIT = 30;

  /** How the journal shows the Enterprise key: masked, like every key it records. */
  private static final String ENTERPRISE = KeyMask.authorization("Bearer sk_test_enterprise");

  @Test
  void passesUnderALowLimitWithTheLimiterApproachedButNeverRefusing() throws Exception {
    try (Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .bind("127.0.0.1")
            .rateLimit(LIMIT)
            .jobSeconds(5)
            .admin(true)
            .journalEntries(1_000)
            .start()) {
      // In remote mode: the control API is open only so that this test can read the request
      // journal.
      RunnerProcess.Result r =
          RunnerProcess.run(
              Path.of("target", "runner-test", "paced"),
              Duration.ofMinutes(5),
              args(
                  allAccounts(),
                  "--base-url",
                  sandbox.baseUrl(),
                  "--allow-writes",
                  "--timeout-seconds",
                  "60",
                  "--report-dir",
                  "reports",
                  "--select-class",
                  "DownloadContractTest",
                  "--select-class",
                  "ConflictContractTest",
                  "--select-class",
                  "AccountingContractTest"));

      assertThat(r.exitCode())
          .as("the runner's exit code; its output:%n%s%s", r.stdout(), r.stderr())
          .isZero();
      // The second account has a limit of its own (api_core_rate_limit 360 in accounts.json).
      assertThat(r.stdout())
          .contains(" 0 failed, ")
          .contains("limits " + LIMIT + "/min, 360/min per account (X-RateLimit-Limit");

      List<Long> counted = new ArrayList<>();
      JsonNode journal =
          new ObjectMapper()
              .readTree(given().get(sandbox.rootUrl() + "/__admin/requests").asString());
      for (JsonNode event : journal.path("requests")) {
        assertThat(event.path("response").path("status").asInt())
            .as(
                "the sandbox refused %s %s",
                event.path("request").path("method").asText(),
                event.path("request").path("url").asText())
            .isNotEqualTo(429);
        if (ENTERPRISE.equals(event.path("request").path("headers").path("Authorization").asText())
            && event.path("response").path("headers").has("X-RateLimit-Remaining")) {
          counted.add(event.path("request").path("loggedDate").asLong());
        }
      }
      assertThat(counted.size())
          .as("requests the limiter counted on the Enterprise account")
          .isGreaterThan(LIMIT);
      assertThat(busiestMinute(counted))
          .as("the most counted requests within 60 s: close to the limit, never over it")
          .isBetween(LIMIT - 3, LIMIT);
    }
  }

  /** The most of these request times (milliseconds) that fall within any 60 seconds. */
  private static int busiestMinute(List<Long> times) {
    List<Long> sorted = times.stream().sorted().toList();
    int most = 0;
    for (int first = 0, last = 0; last < sorted.size(); last++) {
      while (sorted.get(last) - sorted.get(first) >= 60_000) {
        first++;
      }
      most = Math.max(most, last - first + 1);
    }
    return most;
  }
}
