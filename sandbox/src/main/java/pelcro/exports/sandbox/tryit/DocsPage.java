package pelcro.exports.sandbox.tryit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;

/**
 * The documentation page at {@code /docs}: the spec rendered by Swagger UI, whose "Try it out"
 * calls this sandbox.
 *
 * <p>Swagger UI comes from the {@code org.webjars:swagger-ui} webjar on the classpath, never
 * from a copy in the repository. The spec is served at {@code /docs/openapi.yaml} with this
 * sandbox ({@code /api/v1/core}, relative to the page) as its first server, so the page and the
 * API share an origin and "Try it out" needs no CORS grant.
 */
public final class DocsPage {
  /** The path prefix of the page and its assets. */
  public static final String PATH = "/docs";
  /** Where the page loads the spec from. */
  public static final String SPEC_PATH = PATH + "/openapi.yaml";

  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES = Map.of(
      "js", "application/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "html", "text/html; charset=utf-8",
      "png", "image/png",
      "map", "application/json");

  private final String apiBasePath;
  private final String webjarRoot;
  private final Map<String, Resource> cache = new ConcurrentHashMap<>();

  /** @param apiBasePath the sandbox's API base path, e.g. {@code /api/v1/core} */
  public DocsPage(String apiBasePath) {
    this.apiBasePath = apiBasePath;
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
      return Optional.of(cache.computeIfAbsent("spec", k -> new Resource(
          "application/yaml; charset=utf-8", specForThisSandbox().getBytes(StandardCharsets.UTF_8))));
    }
    String name = path.substring(PATH.length() + 1);
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (!ASSET.matcher(name).matches() || !TYPES.containsKey(extension)
        || name.equals("index.html") || name.equals("swagger-initializer.js")) {
      return Optional.empty();
    }
    return Optional.ofNullable(cache.computeIfAbsent(name, k -> asset(k, TYPES.get(extension))));
  }

  /**
   * The spec with this sandbox first among its servers, so Swagger UI sends "Try it out" here.
   * The examples are served as the vendor wrote them: the seeded data covers their dates
   * (SeedWindow), so they work verbatim.
   */
  String specForThisSandbox() {
    String yaml = ExportsSpec.get().yaml();
    return yaml.replaceFirst("(?m)^servers:\\n", "servers:\n  - url: " + apiBasePath
        + "\n    description: This sandbox (the docs page's Try it out calls it).\n");
  }

  private String indexHtml() {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Exports API sandbox: docs and Try it</title>
          <link rel="stylesheet" href="%1$s/swagger-ui.css">
          <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
          <style>body{margin:0} .sandbox-note{font-family:sans-serif;padding:10px 20px;background:#eef6ee}</style>
        </head>
        <body>
          <div class="sandbox-note">Exports API sandbox. Click <b>Authorize</b> and enter any key of
            the form <code>sk_try_&lt;anything&gt;</code> to get your own Enterprise test account
            (sites 1001 and 1002), then use <b>Try it out</b>.</div>
          <div id="swagger-ui"></div>
          <script src="%1$s/swagger-ui-bundle.js"></script>
          <script>
            window.ui = SwaggerUIBundle({
              url: '%2$s',
              dom_id: '#swagger-ui',
              deepLinking: true,
              validatorUrl: null,
              presets: [SwaggerUIBundle.presets.apis],
              layout: 'BaseLayout'
            });
          </script>
        </body>
        </html>
        """.formatted(PATH, SPEC_PATH);
  }

  private static Resource html(String text) {
    return new Resource(TYPES.get("html"), text.getBytes(StandardCharsets.UTF_8));
  }

  private Resource asset(String name, String type) {
    try (InputStream in = DocsPage.class.getClassLoader().getResourceAsStream(webjarRoot + name)) {
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
