package pelcro.exports.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static pelcro.exports.sandbox.SpecValidated.api;

import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import pelcro.exports.sandbox.Fixtures;

/**
 * {@code @ExportsSandboxTest(failOnLint = true)}: a class whose traffic breaks a lint rule fails
 * with the findings, even when a test reset the sandbox after; a clean class passes. The sample
 * classes are run here through the JUnit launcher (surefire skips nested classes).
 */
class FailOnLintAcceptanceTest {

  private static void postSubscriptions(SandboxHandle sandbox, Object... extra) {
    Map<String, Object> body = new HashMap<>(Fixtures.subscriptions());
    for (int i = 0; i + 1 < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    api(sandbox.sandbox(), sandbox.enterpriseKey())
        .queryParam("site_id", sandbox.siteId())
        .contentType(ContentType.JSON)
        .body(body)
        .post("/exports")
        .then()
        .statusCode(200);
  }

  /** Sends a filter subscriptions do not take, then resets the sandbox. */
  @ExportsSandboxTest(failOnLint = true)
  static class SendsAnIgnoredField {
    @Test
    void requestsWithCurrency(SandboxHandle sandbox) {
      postSubscriptions(sandbox, "currency", "usd");
      assertThat(sandbox.lint()).extracting(f -> f.rule()).containsExactly("ignored-field");
      sandbox.reset();
      assertThat(sandbox.lint()).isEmpty();
    }
  }

  /** Sends only what the docs document. */
  @ExportsSandboxTest(failOnLint = true)
  static class SendsOnlyDocumentedFields {
    @Test
    void requestsCleanly(SandboxHandle sandbox) {
      postSubscriptions(sandbox, "status", "active");
    }
  }

  private static TestExecutionSummary run(Class<?> testClass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
            listener);
    return listener.getSummary();
  }

  @Test
  void failsAClassWhoseTrafficBrokeARuleWithTheFindings() {
    TestExecutionSummary summary = run(SendsAnIgnoredField.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTotalFailureCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException().getMessage())
        .contains("ignored-field", "currency on subscriptions", "request-export");
  }

  @Test
  void passesAClassWhoseTrafficIsClean() {
    TestExecutionSummary summary = run(SendsOnlyDocumentedFields.class);

    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getTotalFailureCount()).isZero();
  }
}
