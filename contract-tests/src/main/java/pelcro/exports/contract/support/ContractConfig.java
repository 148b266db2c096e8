package pelcro.exports.contract.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The suite's options, read from system properties ({@code contract.X}) or, failing that, from
 * environment variables ({@code CONTRACT_X}); the runner's flags only fill in what neither sets.
 */
public record ContractConfig(
    Optional<String> baseUrl,
    Optional<String> target,
    String enterpriseKey,
    long siteId,
    String basicKey,
    long basicSiteId,
    Optional<String> otherKey,
    Optional<Long> otherSiteId,
    boolean allowWrites,
    Duration timeout,
    int nonEnterpriseStatus,
    int maxRequestsPerMinute,
    Path reportDir) {

  /** Every option name, without the {@code contract.} prefix, as documented in the README. */
  public static final String[] NAMES = {
    "baseUrl",
    "target",
    "enterpriseKey",
    "siteId",
    "basicKey",
    "basicSiteId",
    "otherKey",
    "otherSiteId",
    "allowWrites",
    "timeoutSeconds",
    "nonEnterpriseStatus",
    "maxRequestsPerMinute",
    "reportDir",
    "preflight"
  };

  /** The options as the JVM currently sees them. */
  public static ContractConfig fromEnvironment() {
    Optional<String> baseUrl = value("baseUrl").map(ContractConfig::stripTrailingSlash);
    // Without a base URL the suite starts its own sandbox, whose default accounts are known.
    boolean own = baseUrl.isEmpty();
    return new ContractConfig(
        baseUrl,
        value("target"),
        value("enterpriseKey").orElse(own ? "sk_test_enterprise" : null),
        number("siteId", own ? "1001" : "0"),
        value("basicKey").orElse(own ? "sk_test_basic" : null),
        number("basicSiteId", own ? "3001" : "0"),
        value("otherKey").or(() -> own ? Optional.of("sk_test_enterprise_2") : Optional.empty()),
        value("otherSiteId")
            .map(v -> number("otherSiteId", v))
            .or(() -> own ? Optional.of(2001L) : Optional.empty()),
        Boolean.parseBoolean(value("allowWrites").orElse("false")),
        Duration.ofSeconds(number("timeoutSeconds", "60")),
        (int) number("nonEnterpriseStatus", "401"),
        (int) number("maxRequestsPerMinute", "0"),
        Path.of(value("reportDir").orElse("target")));
  }

  /** Whether the preflight runs before the suite ({@code contract.preflight}, default true). */
  public static boolean preflightEnabled() {
    return !"false".equalsIgnoreCase(value("preflight").orElse("true"));
  }

  /** The option as a whole number; a clear error naming the option when it is not one. */
  private static long number(String name, String fallback) {
    String text = value(name).orElse(fallback);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "contract."
              + name
              + " ("
              + envName(name)
              + ") must be a whole number, not '"
              + text
              + "'");
    }
  }

  /** {@code contract.name} from the system properties, else {@code CONTRACT_NAME} from the env. */
  public static Optional<String> value(String name) {
    String property = System.getProperty("contract." + name);
    if (property != null && !property.isBlank()) {
      return Optional.of(property.trim());
    }
    String env = System.getenv(envName(name));
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env.trim());
  }

  /** {@code otherSiteId} → {@code CONTRACT_OTHER_SITE_ID}. */
  public static String envName(String name) {
    return "CONTRACT_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
