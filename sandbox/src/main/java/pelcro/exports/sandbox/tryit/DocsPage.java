package pelcro.exports.sandbox.tryit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The documentation page at {@code /docs}: guidance written for this instance (which keys work, the
 * request → poll → download walk-through, "finish my export now"), then the spec rendered by
 * Swagger UI, whose "Try it out" calls this sandbox.
 *
 * <p>Swagger UI comes from the {@code org.webjars:swagger-ui} webjar on the classpath, never from a
 * copy in the repository; the page's own script and style are served from {@code sandbox/docs/}.
 * The spec is served at {@code /docs/openapi.yaml} with this sandbox ({@code /api/v1/core},
 * relative to the page) as its only server, so the page and the API share an origin and "Try it
 * out" needs no CORS grant.
 */
public final class DocsPage {
  /** The path prefix of the page and its assets. */
  public static final String PATH = "/docs";

  /** Where the page loads the spec from. */
  public static final String SPEC_PATH = PATH + "/openapi.yaml";

  /** Where the test helpers live; the HTTP adapter's route table mounts them here too. */
  public static final String HELPERS_PATH = "/__sandbox";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String OWN_ASSETS = "sandbox/docs/";
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES =
      Map.of(
          "js", "application/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "html", "text/html; charset=utf-8",
          "png", "image/png",
          "map", "application/json");

  private final String apiBasePath;
  private final DocsGuide guide;
  private final String webjarRoot;
  private final Map<String, Resource> cache = new ConcurrentHashMap<>();

  /**
   * @param apiBasePath the sandbox's API base path, e.g. {@code /api/v1/core}
   * @param guide what the page tells visitors about this instance
   */
  public DocsPage(String apiBasePath, DocsGuide guide) {
    this.apiBasePath = apiBasePath;
    this.guide = guide;
    this.webjarRoot = WEBJAR + webjarVersion() + "/";
  }

  /**
   * A static answer of the docs.
   *
   * @param contentType the {@code Content-Type}
   * @param body the bytes
   */
  public record Resource(String contentType, byte[] body) {}

  /** Whether a request path belongs to the docs page. */
  public static boolean handles(String path) {
    return path.equals(PATH) || path.startsWith(PATH + "/");
  }

  /** The answer for a path under {@code /docs}; empty when there is none (404). */
  public Optional<Resource> get(String path) {
    if (path.equals(PATH) || path.equals(PATH + "/") || path.equals(PATH + "/index.html")) {
      return Optional.of(cache.computeIfAbsent("index", k -> html(indexHtml())));
    }
    if (path.equals(SPEC_PATH)) {
      return Optional.of(
          cache.computeIfAbsent(
              "spec",
              k ->
                  new Resource(
                      "application/yaml; charset=utf-8",
                      ServedSpec.yaml(apiBasePath).getBytes(StandardCharsets.UTF_8))));
    }
    String name = path.substring(PATH.length() + 1);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (!ASSET.matcher(name).matches()
        || !TYPES.containsKey(extension)
        || name.equals("index.html")
        || name.equals("swagger-initializer.js")) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.computeIfAbsent(name, k -> asset(k, TYPES.get(extension))));
  }

  private String indexHtml() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Exports API sandbox: docs and Try it</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
          <link rel="stylesheet" href="%1$s/sandbox-docs.css">
          <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
        </head>
        <body>
          %2$s
          <div id="swagger-ui"></div>
          <script id="sandbox-docs-config" type="application/json">%3$s</script>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script src="%1$s/sandbox-docs.js"></script>
        </body>
        </html>
        """
        .formatted(
            PATH,
            new GuideHtml(
                    guide,
                    apiBasePath,
                    HELPERS_PATH,
                    ServedSpec.firstRequestExample(),
                    ServedSpec.liveBaseUrl())
                .render(),
            pageConfig());
  }

  /** What the page's script needs: where the spec and the helpers are, the key's scheme. */
  private String pageConfig() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("specUrl", SPEC_PATH);
    config.put("helpersPath", guide.testHelpers() ? HELPERS_PATH : null);
    config.put("securityScheme", ServedSpec.securityScheme());
    config.put("tryItPrefix", guide.tryIt() ? TryItTenants.PREFIX : null);
    return ServedSpec.json(config, false).replace("</", "<\\/");
  }

  private static Resource html(String text) {
    return new Resource(TYPES.get("html"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** A file of the page's own ({@code sandbox/docs/}), else of the Swagger UI webjar. */
  private Resource asset(String name, String type) {
    ClassLoader loader = DocsPage.class.getClassLoader();
    InputStream own = loader.getResourceAsStream(OWN_ASSETS + name);
    try (InputStream in = own != null ? own : loader.getResourceAsStream(webjarRoot + name)) {
      return in == null ? null : new Resource(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webjarVersion() {
    String pom = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("The swagger-ui webjar is not on the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
