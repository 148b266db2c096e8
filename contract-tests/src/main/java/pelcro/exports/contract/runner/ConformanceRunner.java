package pelcro.exports.contract.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the contract suite against a deployment without Maven: {@code java -jar exports-contract-tests.jar}.
 *
 * <p>Each flag sets the matching {@code contract.*} system property unless a property or
 * {@code CONTRACT_*} variable already gives it. Writes JUnit XML and {@code contract-summary.txt}
 * into {@code --report-dir}; exits 0 only when no test failed.
 */
@Command(name = "exports-contract-tests", mixinStandardHelpOptions = true,
    description = "Checks an Exports API deployment against exports.yaml and the vendor's documented behaviour.")
public final class ConformanceRunner implements Callable<Integer> {
  @Option(names = "--base-url", description = "API base URL, e.g. https://www.pelcro.com/api/v1/core (default: start a sandbox in-process)")
  String baseUrl;
  @Option(names = "--target", description = "sandbox (the control API is available) or remote (default when --base-url is given)")
  String target;
  @Option(names = "--enterprise-key", description = "an Enterprise account's API key")
  String enterpriseKey;
  @Option(names = "--site-id", description = "a site of the Enterprise account")
  String siteId;
  @Option(names = "--basic-key", description = "a non-Enterprise account's API key")
  String basicKey;
  @Option(names = "--basic-site-id", description = "a site of the non-Enterprise account")
  String basicSiteId;
  @Option(names = "--other-key", description = "a second Enterprise account's key (isolation tests)")
  String otherKey;
  @Option(names = "--other-site-id", description = "a site of the second Enterprise account")
  String otherSiteId;
  @Option(names = "--allow-writes", description = "let tests create exports on the target")
  boolean allowWrites;
  @Option(names = "--timeout-seconds", description = "how long to poll for an export to finish (default 60)")
  String timeoutSeconds;
  @Option(names = "--non-enterprise-status", description = "status expected for non-Enterprise accounts (default 401)")
  String nonEnterpriseStatus;
  @Option(names = "--max-requests-per-minute", description = "pace requests under a real account's rate limit (default: no pacing)")
  String maxRequestsPerMinute;
  @Option(names = "--report-dir", defaultValue = "contract-report", description = "where the JUnit XML and the summary go (default ${DEFAULT-VALUE})")
  Path reportDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ConformanceRunner()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
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
    flags.forEach(ConformanceRunner::setUnlessGiven);
    Files.createDirectories(reportDir);

    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage("pelcro.exports.contract"))
        .build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LegacyXmlReportGeneratingListener xml = new LegacyXmlReportGeneratingListener(reportDir, new PrintWriter(System.err));
    launcher.execute(request, summary, xml);

    TestExecutionSummary result = summary.getSummary();
    result.printFailuresTo(new PrintWriter(System.out), 5);
    result.printTo(new PrintWriter(System.out));
    System.out.println("JUnit XML and contract-summary.txt in " + reportDir.toAbsolutePath());
    return result.getTotalFailureCount() == 0 && result.getTestsFoundCount() > 0 ? 0 : 1;
  }

  /** Properties and environment variables win over flags (see ContractConfig). */
  private static void setUnlessGiven(String name, Object value) {
    if (value != null && System.getProperty("contract." + name) == null
        && System.getenv(pelcro.exports.contract.support.ContractConfig.envName(name)) == null) {
      System.setProperty("contract." + name, value.toString());
    }
  }
}
