package pelcro.exports.sandbox.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import java.util.Map;

/** The examples that a spec documents, read the way the tests compare them with the sandbox. */
public final class SpecExamples {
  private SpecExamples() {}

  /** The named JSON examples of {@code POST /exports}'s request body, in the spec's order. */
  public static Map<String, Example> exportRequestExamples(OpenAPI api) {
    return api.getPaths()
        .get("/exports")
        .getPost()
        .getRequestBody()
        .getContent()
        .get("application/json")
        .getExamples();
  }
}
