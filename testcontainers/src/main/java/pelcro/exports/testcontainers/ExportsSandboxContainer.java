package pelcro.exports.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import pelcro.exports.client.SandboxControlClient;

/**
 * The Exports sandbox as a Testcontainers container: the image {@code localhost/exports-sandbox}
 * (built by {@code bin/build-image}), its API's base URL, the built-in keys and sites, and the
 * control API (clock, complete, fail, reset).
 *
 * <pre>{@code
 * @Testcontainers
 * class MyExportsTest {
 *   @Container
 *   static ExportsSandboxContainer sandbox = new ExportsSandboxContainer().withJobSeconds(2);
 *
 *   @Test
 *   void downloadsAnExport() {
 *     var client = new MyPelcroClient(sandbox.baseUrl(), sandbox.enterpriseKey(), sandbox.siteId());
 *     String uuid = client.requestExport("subscriptions", from, to);
 *     sandbox.advanceClock(Duration.ofSeconds(2));
 *     assertThat(client.download(uuid)).isNotEmpty();
 *   }
 * }
 * }</pre>
 *
 * <p>Like the sandbox's JUnit extension, it turns rate limiting off unless {@link
 * #withRateLimit(int)} sets it. The sandbox listens on {@value #PORT} inside the container; do not
 * pass {@code --port} or {@code --bind}.
 */
public class ExportsSandboxContainer extends GenericContainer<ExportsSandboxContainer> {
  /** The image's name without tag; the default tag is this module's version. */
  public static final String IMAGE_NAME = "localhost/exports-sandbox";

  /** The sandbox's port inside the container. */
  public static final int PORT = 8080;

  /** Where {@link #withRootDir} puts the stubs' folder (the WireMock image's own root folder). */
  public static final String ROOT_DIR = "/home/wiremock";

  /** The API's path under the root URL. */
  public static final String API_PATH = "/api/v1/core";

  /** The built-in Enterprise account 1's key. */
  public static final String ENTERPRISE_KEY = "sk_test_enterprise";

  /** Account 1's first site. */
  public static final long SITE_ID = 1001;

  /** Account 1's second site. */
  public static final long SECOND_SITE_ID = 1002;

  /** The built-in Enterprise account 2's key (for isolation tests). */
  public static final String OTHER_ENTERPRISE_KEY = "sk_test_enterprise_2";

  /** Account 2's site. */
  public static final long OTHER_SITE_ID = 2001;

  /** The built-in non-Enterprise account 3's key (refused by every export endpoint). */
  public static final String BASIC_KEY = "sk_test_basic";

  /** Account 3's site. */
  public static final long BASIC_SITE_ID = 3001;

  private final List<String> options = new ArrayList<>();
  private int rateLimit = 0;
  private SandboxControlClient control;

  /** {@code localhost/exports-sandbox:<this module's version>}. */
  public ExportsSandboxContainer() {
    this(defaultImage());
  }

  public ExportsSandboxContainer(String image) {
    this(DockerImageName.parse(image));
  }

  public ExportsSandboxContainer(DockerImageName image) {
    super(image);
    withExposedPorts(PORT);
    // /health answers 200 once the spec and the data are loaded (503 before), also with --no-admin.
    waitingFor(
        Wait.forHttp("/health")
            .forPort(PORT)
            .forStatusCode(200)
            .withStartupTimeout(Duration.ofMinutes(2)));
  }

  /** The image this module was built with: {@code localhost/exports-sandbox:<version>}. */
  public static DockerImageName defaultImage() {
    return DockerImageName.parse(IMAGE_NAME).withTag(ModuleVersion.get());
  }

  /** Seconds from request to finished export (the sandbox's default is 3). */
  public ExportsSandboxContainer withJobSeconds(double seconds) {
    return withSandboxOptions("--job-seconds", Double.toString(seconds));
  }

  /** Requests per minute per account; 0 (this container's default) turns limiting off. */
  public ExportsSandboxContainer withRateLimit(int requestsPerMinute) {
    this.rateLimit = requestsPerMinute;
    return self();
  }

  /** Closes {@code /__admin}: the control calls then fail, as on a public sandbox. */
  public ExportsSandboxContainer withNoAdmin() {
    return withSandboxOptions("--no-admin");
  }

  /**
   * Any option of the sandbox by its name, as its command line takes it: {@code
   * withOption("non-enterprise-status", "403")} passes {@code --non-enterprise-status=403}; a flag
   * takes {@code "true"} ({@code --strict}) or {@code "false"} (left out).
   */
  public ExportsSandboxContainer withOption(String name, String value) {
    String option = "--" + name;
    if (value.equals("true") || value.equals("false")) {
      return value.equals("true") ? withSandboxOptions(option) : self();
    }
    return withSandboxOptions(option + "=" + value);
  }

  /**
   * A WireMock root folder of the host ({@code mappings/*.json}, bodies in {@code __files/}),
   * copied into the container at {@value #ROOT_DIR} and served with {@code --root-dir}: its stubs
   * answer every path the sandbox does not own, e.g. the Core API's customers or plans. Stubs can
   * also be added at run time through WireMock's admin API ({@code rootUrl() + "/__admin"}).
   */
  public ExportsSandboxContainer withRootDir(Path hostFolder) {
    withCopyFileToContainer(MountableFile.forHostPath(hostFolder), ROOT_DIR);
    return withSandboxOptions("--root-dir", ROOT_DIR);
  }

  /** Sandbox options as command-line words, e.g. {@code "--non-enterprise-status", "403"}. */
  public ExportsSandboxContainer withSandboxOptions(String... sandboxOptions) {
    options.addAll(List.of(sandboxOptions));
    return self();
  }

  @Override
  protected void configure() {
    List<String> command = new ArrayList<>(options);
    // The jar refuses an option given twice: a --rate-limit among the options wins.
    if (options.stream()
        .noneMatch(o -> o.equals("--rate-limit") || o.startsWith("--rate-limit="))) {
      command.add("--rate-limit");
      command.add(Integer.toString(rateLimit));
    }
    setCommand(command.toArray(String[]::new));
  }

  /** {@code http://<host>:<mapped port>}: {@code /health}, {@code /docs}, {@code /__admin}. */
  public String rootUrl() {
    return "http://" + getHost() + ":" + getMappedPort(PORT);
  }

  /** The API's base URL, {@code http://<host>:<mapped port>/api/v1/core}. */
  public String baseUrl() {
    return rootUrl() + API_PATH;
  }

  public String enterpriseKey() {
    return ENTERPRISE_KEY;
  }

  public long siteId() {
    return SITE_ID;
  }

  public long secondSiteId() {
    return SECOND_SITE_ID;
  }

  public String otherEnterpriseKey() {
    return OTHER_ENTERPRISE_KEY;
  }

  public long otherSiteId() {
    return OTHER_SITE_ID;
  }

  public String basicKey() {
    return BASIC_KEY;
  }

  public long basicSiteId() {
    return BASIC_SITE_ID;
  }

  /** Moves the sandbox clock forward, and every export with it; answers the clock. */
  public JsonNode advanceClock(Duration by) {
    return control().advanceClock(by);
  }

  /** The sandbox clock: {@code now}, {@code iso}, {@code offset_seconds}. */
  public JsonNode clock() {
    return control().clock();
  }

  /** Finishes a queued or processing export now; answers the export. */
  public JsonNode complete(String uuid) {
    return control().complete(uuid);
  }

  /**
   * Fails a queued or processing export now with this {@code failed_reason}; answers the export.
   */
  public JsonNode fail(String uuid, String reason) {
    return control().fail(uuid, reason);
  }

  /** Back to the initial state: no exports, the clock on real time. */
  public JsonNode reset() {
    return control().reset();
  }

  /**
   * Schedules a fault, as the control API takes it, e.g. {@code Map.of("kind",
   * "export_fails_at_start", "type", "subscriptions", "times", 2, "reason", "Disk full")} (README,
   * "Rehearsing failures"); answers the scheduled fault.
   */
  public JsonNode addFault(Map<String, ?> fault) {
    return control().addFault(fault).get("data").get(0);
  }

  /** The scheduled faults, with how many times each struck: {@code {"data": [...]}}. */
  public JsonNode faults() {
    return control().faults();
  }

  /** Removes every scheduled fault. */
  public JsonNode clearFaults() {
    return control().clearFaults();
  }

  /**
   * A session: a fresh, isolated Enterprise account with its own keys, sites and clock, and a
   * non-Enterprise companion, so that test classes sharing this container never collide. Its
   * control calls go through the account's own test helpers ({@code /__sandbox}), so they move,
   * finish and reset only the session's exports. End it with {@link ExportsSandboxSession#close}
   * (or {@link #endSession}).
   */
  public ExportsSandboxSession newSession() {
    return new ExportsSandboxSession(this, control().createSession());
  }

  /** Ends a session made by {@link #newSession}: its keys stop working. */
  public JsonNode endSession(String sessionId) {
    return control().deleteSession(sessionId);
  }

  /**
   * What the integrator lint found in the traffic so far: {@code {"data": [...], "rules": [...]}}.
   */
  public JsonNode lint() {
    return control().lint();
  }

  synchronized SandboxControlClient control() {
    if (control == null) {
      // The URL is read at each call: a restarted container gets a new mapped port.
      control = SandboxControlClient.controlApi(this::rootUrl, null);
    }
    return control;
  }
}
