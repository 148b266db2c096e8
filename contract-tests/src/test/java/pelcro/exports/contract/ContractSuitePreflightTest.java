package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import pelcro.exports.contract.support.ContractConfig;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Unreachable;

/**
 * In Maven, a target that cannot be reached fails the suite once, before any test, naming the
 * property.
 */
class ContractSuitePreflightTest {

  @Test
  void anUnreachableTargetFailsTheSuiteOnceWithoutRunningATest() throws IOException {
    String base = Unreachable.baseUrl();
    ContractConfig config =
        new ContractConfig(
            Optional.of(base),
            Optional.of("remote"),
            "sk_test_enterprise",
            1001,
            "sk_test_basic",
            3001,
            Optional.empty(),
            Optional.empty(),
            false,
            Duration.ofSeconds(5),
            401,
            0,
            Path.of("target"));
    SummaryGeneratingListener listener = new SummaryGeneratingListener();

    // Without auto-registered listeners: this nested run must not overwrite the real run's summary.
    Target.runWith(
        Target.remote(base, config),
        () -> {
          LauncherFactory.create(
                  LauncherConfig.builder()
                      .enableTestExecutionListenerAutoRegistration(false)
                      .build())
              .execute(
                  LauncherDiscoveryRequestBuilder.request()
                      .selectors(selectClass(ContractSuiteTest.class))
                      .build(),
                  listener);
          return null;
        });

    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsStartedCount()).as("tests started").isZero();
    assertThat(summary.getFailures()).hasSize(1);
    assertThat(summary.getFailures().get(0).getException().getMessage())
        .isEqualTo(
            "cannot connect to "
                + base
                + ": Connection refused; is the sandbox (or API) running there? (contract.baseUrl)");
  }
}
