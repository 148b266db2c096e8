package pelcro.exports.sandbox.tryit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;

/**
 * What the docs page takes from the spec: the YAML it serves (with this sandbox as its only server)
 * and the facts its guidance shows (Pelcro's base URL, the first request example, the name of the
 * key's security scheme), so that none of them is typed again in Java.
 */
final class ServedSpec {
  private static final Pattern SERVERS = Pattern.compile("(?m)^servers:\\n(?:[ -].*\\n)+");

  /**
   * JSON on one line with a space after each comma and colon, so that it wraps where it reads well.
   */
  private static final DefaultPrettyPrinter ONE_LINE =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
          .withObjectIndenter(DefaultPrettyPrinter.FixedSpaceIndenter.instance);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServedSpec() {}

  /**
   * The spec with this sandbox as its only server, so Swagger UI sends "Try it out" here and never
   * offers a server the page cannot call (Pelcro's own is named in the guidance). The rest is the
   * spec's text unchanged: its examples are served as Pelcro wrote them, because the seeded data
   * covers their dates (SeedWindow).
   */
  static String yaml(String apiBasePath) {
    String yaml = ExportsSpec.get().yaml();
    Matcher servers = SERVERS.matcher(yaml);
    if (!servers.find()) {
      throw new IllegalStateException("The spec has no top-level servers list");
    }
    return yaml.substring(0, servers.start())
        + "servers:\n  - url: "
        + apiBasePath
        + "\n    description: This sandbox (the page's Try it out calls it).\n"
        + yaml.substring(servers.end());
  }

  /**
   * The base URL of Pelcro's own API: the server marked {@code x-environment: production} (the
   * sandbox is listed first, so that generated clients do not default to production).
   */
  static String liveBaseUrl() {
    return api().getServers().stream()
        .filter(
            server ->
                server.getExtensions() != null
                    && "production".equals(server.getExtensions().get("x-environment")))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("The spec names no production server"))
        .getUrl();
  }

  /** The name of the spec's (only) security scheme, the bearer key. */
  static String securityScheme() {
    return api().getComponents().getSecuritySchemes().keySet().iterator().next();
  }

  /**
   * The first example of {@code POST /exports}, the one Swagger UI fills in, as one line of JSON.
   */
  static String firstRequestExample() {
    Object value = ExportsSpec.requestExamples(api()).values().iterator().next().getValue();
    return json(value, true);
  }

  /** JSON text, on one spaced line or compact. */
  static String json(Object value, boolean spaced) {
    try {
      return spaced
          ? JSON.writer(ONE_LINE).writeValueAsString(value)
          : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OpenAPI api() {
    return ExportsSpec.get().model();
  }
}
