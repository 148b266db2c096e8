package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import pelcro.exports.sandbox.domain.ApiException;

/** The adapter's one JSON mapper: generated models and maps to bytes, request bodies to trees. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a JSON tree; malformed or empty JSON is a 400 on {@code errors.body}. */
  static JsonNode readBody(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.invalid("body", "The body must be a JSON object.");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw ApiException.invalid("body", "The body must be a JSON object.");
      }
      return node;
    } catch (IOException e) {
      throw ApiException.invalid("body", "The body is not valid JSON.");
    }
  }

  /** Like {@link #readBody}, but an empty body is an empty object (control API). */
  static JsonNode readOptionalBody(byte[] body) {
    return body == null || body.length == 0 ? MAPPER.createObjectNode() : readBody(body);
  }
}
