package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecParsesCleanlyTest {

  /** The spec parsed with references resolved, plus the given options. */
  private static SwaggerParseResult parse(Consumer<ParseOptions> more) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    more.accept(options);
    return new OpenAPIParser().readContents(ExportsSpec.get().yaml(), null, options);
  }

  @Test
  void parsesWithoutAnyMessageWhenReferencesAreResolved() {
    SwaggerParseResult result = parse(options -> options.setValidateInternalRefs(true));

    assertThat(result.getMessages()).isEmpty();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0.");
  }

  @Test
  void parsesWithoutAnyMessageWhenFullyFlattened() {
    SwaggerParseResult result = parse(options -> options.setResolveFully(true));

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
