package pelcro.exports.mutants;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import pelcro.exports.contract.support.ContractConfig;
import pelcro.exports.contract.support.InProcessSandbox;
import pelcro.exports.contract.support.Target;

/**
 * Proof that the suite has teeth: for each deliberate fault, the suite runs in remote mode against
 * a mutant proxy of the sandbox and must report at least one failure.
 *
 * <p>To stay quick, each fault is checked with the suite's classes that cover the behaviour it
 * breaks ({@link Fault#checkedBy}); the same classes are first run against the proxy with no fault,
 * and must pass, so a failure can only come from the fault.
 */
class SuiteCatchesInjectedFaultsTest {
  private static InProcessSandbox sandbox;

  @BeforeAll
  static void startHonestSandbox() {
    sandbox = InProcessSandbox.start(b -> b.jobSeconds(1));
  }

  @AfterAll
  static void stopSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void theSuiteFailsAgainstEachInjectedFault() throws Exception {
    List<String> allClasses =
        Faults.all().stream().flatMap(f -> f.get().checkedBy().stream()).distinct().toList();
    TestExecutionSummary control =
        runAgainst(
            new Fault("nothing (control run)", allClasses) {
              public com.github.tomakehurst.wiremock.http.Response transform(
                  com.github.tomakehurst.wiremock.http.Response r,
                  com.github.tomakehurst.wiremock.stubbing.ServeEvent e) {
                return r;
              }
            });
    assertThat(control.getTotalFailureCount())
        .as(
            "control: the suite must pass against the honest proxy, else the kill count means nothing: %s",
            failures(control))
        .isZero();

    List<String> report = new ArrayList<>();
    int caught = 0;
    for (Supplier<Fault> make : Faults.all()) {
      Fault fault = make.get();
      TestExecutionSummary s = runAgainst(fault);
      boolean killed = s.getTotalFailureCount() > 0;
      caught += killed ? 1 : 0;
      report.add(
          String.format(
              "%-28s %-8s %3d of %3d tests failed  (breaks: %s)",
              fault.getName(),
              killed ? "CAUGHT" : "MISSED",
              s.getTotalFailureCount(),
              s.getTestsStartedCount(),
              fault.breaks()));
    }
    String text =
        "Fault injection: the suite caught "
            + caught
            + " of "
            + Faults.all().size()
            + " faults\n"
            + String.join("\n", report)
            + "\n";
    System.out.println(text);
    Path dir = ContractConfig.fromEnvironment().reportDir();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("fault-injection.txt"), text, StandardCharsets.UTF_8);

    assertThat(caught)
        .as("the suite must notice every injected fault:%n%s", text)
        .isEqualTo(Faults.all().size());
  }

  private static TestExecutionSummary runAgainst(Fault fault) {
    given().post(sandbox.rootUrl() + "/__admin/sandbox/reset").then().statusCode(200);
    try (MutantProxy proxy = new MutantProxy(sandbox.rootUrl(), fault)) {
      ContractConfig config =
          new ContractConfig(
              Optional.of(proxy.baseUrl()),
              Optional.of("remote"),
              "sk_test_enterprise",
              1001,
              "sk_test_basic",
              3001,
              Optional.of("sk_test_enterprise_2"),
              Optional.of(2001L),
              true,
              Duration.ofSeconds(20),
              401,
              0,
              ContractConfig.fromEnvironment().reportDir());
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(
                  fault.checkedBy().stream()
                      .map(n -> selectClass("pelcro.exports.contract." + n))
                      .toList())
              .filters(EngineFilter.includeEngines("junit-jupiter"))
              .build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      // No auto-registered listeners: the nested run must not overwrite the real run's summary.
      LauncherConfig launcherConfig =
          LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build();
      Target.runWith(
          Target.remote(proxy.baseUrl(), config),
          () -> {
            LauncherFactory.create(launcherConfig).execute(request, listener);
            return null;
          });
      return listener.getSummary();
    }
  }

  private static String failures(TestExecutionSummary s) {
    StringBuilder out = new StringBuilder();
    s.getFailures()
        .forEach(
            f ->
                out.append("\n  ")
                    .append(f.getTestIdentifier().getDisplayName())
                    .append(": ")
                    .append(f.getException().getMessage()));
    return out.toString();
  }
}
