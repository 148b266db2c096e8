package pelcro.exports.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.runner.RunnerProcess.accounts;
import static pelcro.exports.runner.RunnerProcess.args;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import pelcro.exports.contract.runner.ConformanceRunner;
import pelcro.exports.contract.support.Unreachable;
import pelcro.exports.sandbox.Sandbox;
import picocli.CommandLine;

/**
 * The runner jar's main class, run as a separate process: its preflight, its exit codes and its
 * counts.
 */
class ConformanceRunnerTest {
  private static final Path WORK = Path.of("target", "runner-test");
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static Sandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    // The vendor's default limit is on, as in a default --no-admin sandbox.
    // Jobs of 3 s: long enough that "not ready right after the request" holds on a loaded machine.
    sandbox = Sandbox.builder().port(0).bind("127.0.0.1").admin(false).jobSeconds(3).start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  /**
   * Runs the runner in {@code dir} against {@code baseUrl} on the default accounts but {@code
   * enterpriseKey}, with {@code rest}.
   */
  private static RunnerProcess.Result run(
      Path dir, String baseUrl, String enterpriseKey, String... rest)
      throws IOException, InterruptedException {
    List<String> flags = new ArrayList<>(accounts(enterpriseKey));
    flags.addAll(List.of("--base-url", baseUrl));
    return RunnerProcess.run(dir, TIMEOUT, args(flags, rest));
  }

  /** Asserts that the runner stopped with exit code 2, saying only {@code line} on stderr. */
  private static void assertStoppedSaying(RunnerProcess.Result r, String line) {
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.stderr().strip().lines()).containsExactly(line);
  }

  @Test
  void stopsBeforeAnyTestWithOneLineWhenNothingListensAtTheBaseUrl() throws Exception {
    String base = Unreachable.baseUrl();
    Path dir = WORK.resolve("unreachable");

    RunnerProcess.Result r = run(dir, base, "sk_test_enterprise", "--report-dir", "reports");

    assertThat(r.exitCode()).as("exit code of a failed preflight").isEqualTo(2);
    assertThat(r.stderr().strip())
        .isEqualTo(
            "preflight failed: cannot connect to "
                + base
                + ": Connection refused; is the sandbox (or API) running there? (--base-url)");
    assertThat(r.stdout()).as("no test ran").isEmpty();
    assertThat(dir.resolve("reports")).as("no report written").doesNotExist();
  }

  @Test
  void stopsBeforeAnyTestWithOneLineWhenTheEnterpriseKeyIsRefused() throws Exception {
    Path dir = WORK.resolve("bad-key");

    RunnerProcess.Result r =
        run(dir, sandbox.baseUrl(), "sk_test_enterprise_typo", "--report-dir", "reports");

    assertStoppedSaying(
        r,
        "preflight failed: the Enterprise key sk_test_…typo is refused "
            + "(401 \"Unauthenticated.\"): it must be an Enterprise account's key; check --enterprise-key");
    assertThat(r.stdout()).isEmpty();
  }

  @Test
  void reportsTheSameCountsOnTheConsoleInTheSummaryAndInTheJUnitXml() throws Exception {
    Path dir = WORK.resolve("counts");
    // Against a sandbox answering 401, expecting 403 fails three tests (the preflight, which would
    // stop that, is off); the rate-limit test is sandbox-only (skipped) and, without a second
    // account, the isolation test aborts on its assumption.
    RunnerProcess.Result r =
        run(
            dir,
            sandbox.baseUrl(),
            "sk_test_enterprise",
            "--allow-writes",
            "--no-preflight",
            "--non-enterprise-status",
            "403",
            "--report-dir",
            "reports",
            "--select-class",
            "AuthenticationContractTest",
            "--select-class",
            "DownloadContractTest",
            "--select-class",
            "RateLimitContractTest");

    String expected = "tests: 10 passed, 3 failed, 2 skipped (1 of them aborted)";
    assertThat(r.exitCode())
        .as("exit code when a test failed; stdout:%n%s", r.stdout())
        .isEqualTo(1);
    assertThat(r.stdout().lines())
        .as("console")
        .contains(expected)
        .contains("preflight skipped: REMOTE " + sandbox.baseUrl() + " (writes allowed)");
    assertThat(Files.readString(dir.resolve("reports/contract-summary.txt")).lines())
        .as("summary")
        .contains(expected);
    Element suite =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(dir.resolve("reports/TEST-junit-jupiter.xml").toFile())
            .getDocumentElement();
    int failed =
        Integer.parseInt(suite.getAttribute("failures"))
            + Integer.parseInt(suite.getAttribute("errors"));
    assertThat(
            List.of(
                suite.getAttribute("tests"),
                Integer.toString(failed),
                suite.getAttribute("skipped")))
        .as("JUnit XML tests, failures + errors, skipped")
        .containsExactly("15", "3", "2");
  }

  @Test
  void helpNamesThePacingThePreflightAndTheExitCodes() {
    String help =
        new CommandLine(new ConformanceRunner()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    assertThat(help)
        .contains("Preflight:")
        .contains("Pacing:")
        .contains("X-RateLimit-Remaining")
        .contains("Retry-After")
        .contains("--max-requests-per-minute")
        .contains("--no-preflight")
        .contains("Exit codes:")
        .contains("2   wrong options, or the preflight failed (nothing ran)");
  }

  @Test
  void refusesAnUnknownSuiteClassAsAWrongOption() throws IOException, InterruptedException {
    RunnerProcess.Result r =
        run(
            WORK.resolve("unknown-class"),
            sandbox.baseUrl(),
            "sk_test_enterprise",
            "--select-class",
            "NoSuchContractTest");

    assertStoppedSaying(
        r,
        "--select-class NoSuchContractTest: no suite class of that "
            + "name (they are named like DownloadContractTest); --help lists the options");
  }
}
