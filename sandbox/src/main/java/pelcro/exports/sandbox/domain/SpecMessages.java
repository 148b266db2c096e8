package pelcro.exports.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Reads messages that the spec documents only as response examples (401, 413), so that no
 * documented message is typed in Java.
 */
final class SpecMessages {
  private SpecMessages() {}

  /** The {@code message} of an example of a shared response in {@code components/responses}. */
  static String sharedResponse(String response, String example) {
    return messageOf(
        ExportsSpec.get().model().getComponents().getResponses().get(response), example);
  }

  /** The {@code message} of an example of {@code POST /exports}' response {@code status}. */
  static String requestExportResponse(String status, String example) {
    ApiResponse response =
        ExportsSpec.get().model().getPaths().get("/exports").getPost().getResponses().get(status);
    return messageOf(response, example);
  }

  private static String messageOf(ApiResponse response, String example) {
    MediaType json = response.getContent().get("application/json");
    Example found = json.getExamples().get(example);
    if (found == null) {
      throw new IllegalStateException("The spec has no example " + example);
    }
    Object value = found.getValue();
    if (value instanceof JsonNode node) {
      return node.get("message").asText();
    }
    if (value instanceof Map<?, ?> map) {
      return String.valueOf(map.get("message"));
    }
    throw new IllegalStateException("Example " + example + " has no message");
  }
}
