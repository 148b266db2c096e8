package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

class SpecParsesCleanlyTest {

  @Test
  void parsesWithoutAnyMessageWhenReferencesAreResolved() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    SwaggerParseResult result =
        new OpenAPIParser().readContents(ExportsSpec.get().yaml(), null, options);

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0.");
  }

  @Test
  void parsesWithoutAnyMessageWhenFullyFlattened() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult result =
        new OpenAPIParser().readContents(ExportsSpec.get().yaml(), null, options);

    assertThat(result.getMessages()).isEmpty();
  }

  @Test
  void namesTheSandboxFirstAndTheVendorSecondAsServers() {
    assertThat(ExportsSpec.get().model().getServers())
        .extracting(
            server -> server.getUrl(), server -> server.getExtensions().get("x-environment"))
        .containsExactly(
            tuple("http://127.0.0.1:8080/api/v1/core", "sandbox"),
            tuple("https://www.pelcro.com/api/v1/core", "production"));
  }
}
