package pelcro.exports.contract.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import pelcro.exports.contract.support.ClassSessions;
import pelcro.exports.contract.support.ContractConfig;
import pelcro.exports.contract.support.CoverageLedger;
import pelcro.exports.contract.support.CoverageListener;
import pelcro.exports.contract.support.OptionStyle;
import pelcro.exports.contract.support.Preflight;
import pelcro.exports.contract.support.Tally;
import pelcro.exports.contract.support.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Runs the contract suite against a deployment without Maven: {@code java -jar
 * exports-contract-tests.jar}.
 *
 * <p>Each flag sets the matching {@code contract.*} system property unless a property or {@code
 * CONTRACT_*} variable already gives it. Checks the target first ({@link Preflight}), then runs the
 * suite with one progress line per class, writes JUnit XML and {@code contract-summary.txt} into
 * {@code --report-dir}, and exits 0 (no test failed), 1 (a test failed) or 2 (wrong options or a
 * failed preflight: nothing ran).
 */
@Command(
    name = "exports-contract-tests",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "Checks an Exports API deployment against exports.yaml and the vendor's documented behaviour.",
      "",
      "Preflight: before any test, a few requests check that the target answers, that the Enterprise key "
          + "and its site are accepted, that the basic key gets the non-Enterprise status, that the second "
          + "account (if given) is accepted and, with --target sandbox, that the control API answers. The "
          + "first problem stops the run with one line naming it and the option to fix (exit code 2).",
      "",
      "Pacing: requests stay under the target's rate limit, read from its X-RateLimit-Limit and "
          + "X-RateLimit-Remaining headers (the sandbox sends them; its default is the vendor's 120 a "
          + "minute per account), or set with --max-requests-per-minute for a deployment that sends none "
          + "(the vendor documents none). A quarter of a minute's budget goes at once, then requests are "
          + "spaced evenly; a run takes at least its requests at that rate (a full run sends about 270: "
          + "over 2 minutes at 120 a minute). A 429 that still comes is waited out (Retry-After, else "
          + "60 s) and the request sent once more; the pacing line at the end says how long requests "
          + "were held back and how many 429s came.",
      "",
      "On a sandbox (--target sandbox): the suite's classes run in parallel, each on a session of its "
          + "own (fresh accounts from the control API), and an export the suite waits for is completed "
          + "through the control API instead of waiting for its job. Elsewhere one class at a time.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every test passed or was skipped",
      "1:a test failed, or none ran",
      "2:wrong options, or the preflight failed (nothing ran)"
    })
public final class ConformanceRunner implements Callable<Integer> {
  private static final String SUITE_PACKAGE = "pelcro.exports.contract";

  /** Suite classes run at once on a sandbox target: most of their time is waiting on HTTP. */
  private static final int PARALLEL_CLASSES = 6;

  @Spec CommandSpec spec;

  @Option(
      names = "--base-url",
      description =
          "API base URL, e.g. https://www.pelcro.com/api/v1/core (default: start a sandbox in-process)")
  String baseUrl;

  @Option(
      names = "--target",
      description =
          "sandbox (the control API is available) or remote (default when --base-url is given)")
  String target;

  @Option(names = "--enterprise-key", description = "an Enterprise account's API key")
  String enterpriseKey;

  @Option(names = "--site-id", description = "a site of the Enterprise account")
  Long siteId;

  @Option(names = "--basic-key", description = "a non-Enterprise account's API key")
  String basicKey;

  @Option(names = "--basic-site-id", description = "a site of the non-Enterprise account")
  Long basicSiteId;

  @Option(
      names = "--other-key",
      description = "a second Enterprise account's key (isolation tests)")
  String otherKey;

  @Option(names = "--other-site-id", description = "a site of the second Enterprise account")
  Long otherSiteId;

  @Option(names = "--allow-writes", description = "let tests create exports on the target")
  boolean allowWrites;

  @Option(
      names = "--timeout-seconds",
      description = "how long to poll for an export to finish (default 60)")
  Long timeoutSeconds;

  @Option(
      names = "--non-enterprise-status",
      description = "status expected for non-Enterprise accounts (default 401)")
  Integer nonEnterpriseStatus;

  @Option(
      names = "--max-requests-per-minute",
      description =
          "at most this many requests a minute in all, for a deployment without rate-limit headers "
              + "(default: only the limit the target announces)")
  Integer maxRequestsPerMinute;

  @Option(
      names = "--select-class",
      paramLabel = "CLASS",
      description =
          "run only this suite class, e.g. DownloadContractTest (repeatable; default: all)")
  List<String> selectClasses = new ArrayList<>();

  @Option(names = "--no-preflight", description = "skip the checks before the suite")
  boolean noPreflight;

  @Option(
      names = "--report-dir",
      defaultValue = "contract-report",
      description = "where the JUnit XML and the summary go (default ${DEFAULT-VALUE})")
  Path reportDir;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ConformanceRunner());
    // A wrong option: its message and a pointer to --help, not the whole usage (exit code 2).
    cli.setParameterExceptionHandler(
        (e, ignored) -> {
          e.getCommandLine().getErr().println(e.getMessage() + "; --help lists the options");
          return CommandLine.ExitCode.USAGE;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    List<DiscoverySelector> selectors = selectors();
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("baseUrl", baseUrl);
    flags.put("target", target);
    flags.put("enterpriseKey", enterpriseKey);
    flags.put("siteId", siteId);
    flags.put("basicKey", basicKey);
    flags.put("basicSiteId", basicSiteId);
    flags.put("otherKey", otherKey);
    flags.put("otherSiteId", otherSiteId);
    flags.put("allowWrites", allowWrites ? "true" : null);
    flags.put("timeoutSeconds", timeoutSeconds);
    flags.put("nonEnterpriseStatus", nonEnterpriseStatus);
    flags.put("maxRequestsPerMinute", maxRequestsPerMinute);
    flags.put("reportDir", reportDir.toString());
    flags.put("preflight", noPreflight ? "false" : null);
    flags.forEach(ConformanceRunner::setUnlessGiven);

    long started = System.nanoTime();
    Target suiteTarget;
    boolean preflight = ContractConfig.preflightEnabled();
    try {
      suiteTarget = Target.get();
      if (preflight) {
        Preflight.check(suiteTarget, OptionStyle.FLAG);
      }
    } catch (RuntimeException e) {
      // Preflight failures, option values that are not numbers, an in-process sandbox that cannot
      // start.
      System.err.println("preflight failed: " + e.getMessage());
      return 2;
    }
    System.out.println(
        (preflight ? "preflight passed: " : "preflight skipped: ")
            + suiteTarget.kind()
            + " "
            + suiteTarget.baseUrl()
            + (suiteTarget.writesAllowed() ? " (writes allowed)" : " (read-only)"));

    Files.createDirectories(reportDir);
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    if (suiteTarget.hasControlApi()) {
      // A sandbox: suite classes run at once, each on accounts of its own (ClassSessions).
      // Elsewhere one class at a time, on the given accounts, paced as before.
      builder.configurationParameters(
          Map.of(
              "junit.jupiter.extensions.autodetection.enabled",
              "true",
              ClassSessions.PARAMETER,
              "true",
              "junit.jupiter.execution.parallel.enabled",
              "true",
              "junit.jupiter.execution.parallel.mode.default",
              "same_thread",
              "junit.jupiter.execution.parallel.mode.classes.default",
              "concurrent",
              "junit.jupiter.execution.parallel.config.strategy",
              "fixed",
              "junit.jupiter.execution.parallel.config.fixed.parallelism",
              String.valueOf(PARALLEL_CLASSES)));
    }
    LauncherDiscoveryRequest request =
        builder
            .selectors(selectors)
            // Only the suite's classes, whatever else is on the class path (test classes, a suite
            // engine).
            .filters(
                EngineFilter.includeEngines("junit-jupiter"),
                ClassNameFilter.includeClassNamePatterns(".*ContractTest"))
            .build();
    LegacyXmlReportGeneratingListener xml =
        new LegacyXmlReportGeneratingListener(reportDir, new PrintWriter(System.err));
    LauncherFactory.create().execute(request, new ProgressListener(System.out), xml);

    Tally tally = Tally.of(CoverageLedger.entries());
    System.out.println(suiteTarget.pacer().report().line());
    System.out.println(tally.line());
    System.out.printf(
        Locale.ROOT,
        "time: %s; reports in %s (TEST-junit-jupiter.xml, %s)%n",
        ProgressListener.duration(Duration.ofNanos(System.nanoTime() - started)),
        reportDir.toAbsolutePath(),
        CoverageListener.SUMMARY_FILE);
    if (tally.total() == 0) {
      System.out.println("no test ran");
    }
    return tally.failed() == 0 && tally.total() > 0 ? 0 : 1;
  }

  private List<DiscoverySelector> selectors() {
    if (selectClasses.isEmpty()) {
      return List.of(selectPackage(SUITE_PACKAGE));
    }
    List<DiscoverySelector> selectors = new ArrayList<>();
    for (String name : selectClasses) {
      String qualified = name.contains(".") ? name : SUITE_PACKAGE + "." + name;
      try {
        Class.forName(qualified, false, getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ParameterException(
            spec.commandLine(),
            "--select-class "
                + name
                + ": no suite class of that name (they are named like DownloadContractTest)");
      }
      selectors.add(selectClass(qualified));
    }
    return selectors;
  }

  /** Properties and environment variables win over flags (see ContractConfig). */
  private static void setUnlessGiven(String name, Object value) {
    if (value != null
        && System.getProperty("contract." + name) == null
        && System.getenv(ContractConfig.envName(name)) == null) {
      System.setProperty("contract." + name, value.toString());
    }
  }
}
