package pelcro.exports.contract.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The deployment under test: its base URL, its accounts and what the suite may do to it.
 *
 * <p>Without {@code contract.baseUrl} the suite starts one in-process sandbox per JVM (admin on,
 * short jobs, no rate limit) and uses its default accounts. A fault-injection run can point the
 * suite at another deployment for a while with {@link #runWith}.
 */
public final class Target {
  /** Where the tests run: the sandbox (control API available) or any other deployment. */
  public enum Kind {
    SANDBOX,
    REMOTE
  }

  private static volatile Target defaultTarget;

  /**
   * Per thread, and inherited by the threads a test starts (Awaitility's pollers): suite classes
   * may run in parallel, each on its own session ({@link ClassSessions}) or nested target. The
   * class target is set around each piece of test code, on the thread that runs it: JUnit's workers
   * run pieces of many classes, and a binding left on a worker once named an ended session.
   */
  private static final InheritableThreadLocal<Target> OVERRIDE = new InheritableThreadLocal<>();

  private static final InheritableThreadLocal<Target> CLASS_TARGET = new InheritableThreadLocal<>();

  private final Kind kind;
  private final String baseUrl;
  private final String rootUrl;
  private final ContractConfig config;
  private final boolean recordsCoverage;
  private final Pacer pacer;

  private Target(Kind kind, String baseUrl, ContractConfig config, boolean recordsCoverage) {
    this(kind, baseUrl, config, recordsCoverage, new Pacer(config.maxRequestsPerMinute()));
  }

  private Target(
      Kind kind, String baseUrl, ContractConfig config, boolean recordsCoverage, Pacer pacer) {
    this.kind = kind;
    this.baseUrl = baseUrl;
    this.rootUrl = rootOf(baseUrl);
    this.config = config;
    this.recordsCoverage = recordsCoverage;
    this.pacer = pacer;
  }

  /** The target of the running tests. */
  public static Target get() {
    Target o = OVERRIDE.get();
    if (o != null) {
      return o;
    }
    Target bound = CLASS_TARGET.get();
    return bound != null ? bound : runTarget();
  }

  /** The run's own target (from the options), whatever a class or a nested run has bound. */
  static Target runTarget() {
    if (defaultTarget == null) {
      synchronized (Target.class) {
        if (defaultTarget == null) {
          defaultTarget = fromConfig(ContractConfig.fromEnvironment());
        }
      }
    }
    return defaultTarget;
  }

  /**
   * A remote target at {@code baseUrl} with the given config, not recorded in the coverage ledger.
   */
  public static Target remote(String baseUrl, ContractConfig config) {
    return new Target(Kind.REMOTE, baseUrl, config, false);
  }

  /**
   * A dedicated sandbox (admin on) at {@code baseUrl}, with its default accounts; recorded in the
   * summary.
   */
  public static Target dedicatedSandbox(String baseUrl) {
    ContractConfig own = ContractConfig.fromEnvironment();
    Target current = get();
    ContractConfig config =
        new ContractConfig(
            java.util.Optional.of(baseUrl),
            java.util.Optional.of("sandbox"),
            "sk_test_enterprise",
            1001,
            "sk_test_basic",
            3001,
            java.util.Optional.of("sk_test_enterprise_2"),
            java.util.Optional.of(2001L),
            true,
            current.timeout(),
            current.nonEnterpriseStatus(),
            0,
            own.reportDir());
    return new Target(Kind.SANDBOX, baseUrl, config, current.recordsCoverage());
  }

  /**
   * Runs {@code body} with {@code target} as the suite's target (for nested fault-injection runs).
   */
  public static <T> T runWith(Target target, Supplier<T> body) {
    Target previous = OVERRIDE.get();
    OVERRIDE.set(target);
    try {
      return body.get();
    } finally {
      OVERRIDE.set(previous);
    }
  }

  /**
   * The same sandbox seen through a session's accounts ({@code POST /__admin/sandbox/sessions}).
   * The other account stays the configured one: every session's sites carry the same ids, and the
   * suite only reads as that account. Requests share this target's pacer (each key has its own
   * window there).
   */
  Target withSessionAccounts(Account enterprise, Account basic) {
    ContractConfig own =
        new ContractConfig(
            config.baseUrl().or(() -> Optional.of(baseUrl)),
            config.target(),
            enterprise.key(),
            enterprise.siteId(),
            basic.key(),
            basic.siteId(),
            config.otherKey(),
            config.otherSiteId(),
            config.allowWrites(),
            config.timeout(),
            config.nonEnterpriseStatus(),
            config.maxRequestsPerMinute(),
            config.reportDir());
    return new Target(kind, baseUrl, own, recordsCoverage, pacer);
  }

  /**
   * Makes {@code target} (null: none) this thread's class target; answers the one it replaces, for
   * {@link ClassSessions} to put back when the test code it wraps returns.
   */
  static Target bindClassTarget(Target target) {
    Target previous = CLASS_TARGET.get();
    CLASS_TARGET.set(target);
    return previous;
  }

  private static Target fromConfig(ContractConfig config) {
    if (config.baseUrl().isPresent()) {
      // An explicitly named sandbox (with admin on) may run the sandbox-only tests too.
      Kind kind =
          config.target().filter("sandbox"::equalsIgnoreCase).isPresent()
              ? Kind.SANDBOX
              : Kind.REMOTE;
      return new Target(kind, config.baseUrl().get(), config, true);
    }
    InProcessSandbox sandbox =
        InProcessSandbox.start(
            b -> b.nonEnterpriseStatus(config.nonEnterpriseStatus()).listMode("types"));
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "contract-sandbox-stop"));
    return new Target(Kind.SANDBOX, sandbox.baseUrl(), config, true);
  }

  private static String rootOf(String baseUrl) {
    URI uri = URI.create(baseUrl);
    String path = uri.getPath() == null ? "" : uri.getPath();
    String root = baseUrl.substring(0, baseUrl.length() - path.length());
    return path.endsWith("/api/v1/core")
        ? root + path.substring(0, path.length() - "/api/v1/core".length())
        : root;
  }

  public Kind kind() {
    return kind;
  }

  /** The API's base URL, as in the spec's {@code servers}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The path part of the base URL, which the validator puts in front of the spec's paths. */
  public String basePath() {
    String path = URI.create(baseUrl).getPath();
    return path == null || path.isEmpty() ? "/" : path;
  }

  /** Whether the sandbox's control API ({@code /__admin/sandbox}) may be used. */
  public boolean hasControlApi() {
    return kind == Kind.SANDBOX;
  }

  /** Whether tests may create exports: always on the sandbox, on request elsewhere. */
  public boolean writesAllowed() {
    return kind == Kind.SANDBOX || config.allowWrites();
  }

  public Account enterprise() {
    return new Account(
        required(config.enterpriseKey(), "enterpriseKey"), requiredSite(config.siteId(), "siteId"));
  }

  public Account basic() {
    return new Account(
        required(config.basicKey(), "basicKey"), requiredSite(config.basicSiteId(), "basicSiteId"));
  }

  /** A second Enterprise account, for isolation tests; empty when not configured. */
  public Optional<Account> other() {
    return config.otherKey().flatMap(k -> config.otherSiteId().map(s -> new Account(k, s)));
  }

  public Duration timeout() {
    return config.timeout();
  }

  public int nonEnterpriseStatus() {
    return config.nonEnterpriseStatus();
  }

  public int maxRequestsPerMinute() {
    return config.maxRequestsPerMinute();
  }

  /** Paces this target's requests under its rate limit (announced or configured). */
  public Pacer pacer() {
    return pacer;
  }

  /** The options this target was made from. */
  public ContractConfig config() {
    return config;
  }

  public Path reportDir() {
    return config.reportDir();
  }

  public boolean recordsCoverage() {
    return recordsCoverage;
  }

  /** The sandbox's control API; only on a sandbox target. */
  public SandboxAdmin admin() {
    if (!hasControlApi()) {
      throw new IllegalStateException("The control API is only available on a sandbox target");
    }
    return new SandboxAdmin(rootUrl);
  }

  /** The deployment's present: the sandbox clock when it can be read, else this machine's clock. */
  public long nowEpochSeconds() {
    return hasControlApi() ? admin().clockEpochSeconds() : System.currentTimeMillis() / 1000;
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "Set contract." + name + " (or " + ContractConfig.envName(name) + ")");
    }
    return value;
  }

  private static long requiredSite(long value, String name) {
    if (value <= 0) {
      throw new IllegalStateException(
          "Set contract." + name + " (or " + ContractConfig.envName(name) + ")");
    }
    return value;
  }
}
