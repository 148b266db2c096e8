package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocsPageTest {
  private final DocsPage docs = new DocsPage("/api/v1/core");

  @Test
  void theIndexPageLoadsSwaggerUiFromTheWebjarAndTheSpecFromTheSandbox() {
    String html = new String(docs.get("/docs").orElseThrow().body(), StandardCharsets.UTF_8);
    assertThat(html).contains("/docs/swagger-ui-bundle.js", "url: '/docs/openapi.yaml'", "validatorUrl: null");
    assertThat(docs.get("/docs/").orElseThrow().contentType()).startsWith("text/html");
  }

  @Test
  void swaggerUiAssetsAreServedFromTheWebjar() {
    DocsPage.Resource bundle = docs.get("/docs/swagger-ui-bundle.js").orElseThrow();
    assertThat(bundle.contentType()).startsWith("application/javascript");
    assertThat(bundle.body().length).isGreaterThan(100_000);
    assertThat(docs.get("/docs/swagger-ui.css").orElseThrow().contentType()).startsWith("text/css");
  }

  @Test
  void theServedSpecListsThisSandboxAsItsFirstServer() {
    String yaml = new String(docs.get("/docs/openapi.yaml").orElseThrow().body(), StandardCharsets.UTF_8);
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();
    assertThat(api.getServers().get(0).getUrl()).isEqualTo("/api/v1/core");
    assertThat(api.getPaths()).containsKey("/exports");
  }

  @Test
  void unknownOrTraversingPathsAreNotFound() {
    assertThat(docs.get("/docs/../pom.xml")).isEmpty();
    assertThat(docs.get("/docs/nothing.js")).isEmpty();
    assertThat(docs.get("/docs/a/b.js")).isEmpty();
    assertThat(docs.get("/docs/swagger-initializer.js")).isEmpty();
    assertThat(DocsPage.handles("/docsx")).isFalse();
    assertThat(DocsPage.handles("/docs/x")).isTrue();
  }
}
