package pelcro.exports.sandbox.operations;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.FieldMessages;

/**
 * Checks a {@code POST /exports} body against the spec branch its {@code object} selects, and
 * names every wrong field in the vendor's format (core-errors), all fields at once.
 *
 * <p>Required and unknown fields are read from the branch schema directly (their messages need
 * the field names); every other keyword is checked by Atlassian's schema validator.
 */
final class RequestBodyValidator {
  private static final String OBJECT = "object";
  private static final String SITE_ID = "site_id";

  private final ExportsSpec spec = ExportsSpec.get();
  private final SchemaValidator validator =
      new SchemaValidator(spec.model(), new MessageResolver());

  ValidRequest validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("body", FieldMessages.of("object", "body", null, null));
    }
    JsonNode object = body.get(OBJECT);
    if (object == null || object.isNull()) {
      throw ApiException.invalid(OBJECT, FieldMessages.of("required", OBJECT, null, null));
    }
    Optional<Schema<?>> branch =
        object.isTextual() ? spec.requestSchemaFor(object.asText()) : Optional.empty();
    if (branch.isEmpty()) {
      throw ApiException.invalid(OBJECT, FieldMessages.of("enum", OBJECT, null, null));
    }
    Schema<?> schema = branch.get();
    String type = canonicalType(schema);
    Map<String, List<String>> errors = new LinkedHashMap<>();
    ObjectNode known = ((ObjectNode) body).deepCopy();
    body.fieldNames()
        .forEachRemaining(
            field -> {
              if (!schema.getProperties().containsKey(field)) {
                add(errors, field, FieldMessages.of("additionalProperties", field, type, null));
                known.remove(field);
              }
            });
    for (String field : schema.getRequired()) {
      if (!body.hasNonNull(field) && !body.has(field)) {
        add(errors, field, FieldMessages.of("required", field, type, null));
      }
    }
    ValidationReport report = validator.validate(() -> known, schema, "request.body");
    for (ValidationReport.Message message : report.getMessages()) {
      String keyword = keyword(message.getKey());
      if (keyword.equals("required") || keyword.equals("additionalProperties")) {
        continue;
      }
      String field = field(message).orElse("body");
      add(errors, field, messageFor(schema, field, keyword, type));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return toRequest(type, known);
  }

  private String messageFor(Schema<?> branch, String field, String keyword, String type) {
    Schema<?> property = property(branch, field);
    if (property == null) {
      return FieldMessages.of(keyword, field, type, null);
    }
    Object limit =
        switch (keyword) {
          case "minimum" -> property.getMinimum();
          case "maximum" -> property.getMaximum();
          case "minLength" -> property.getMinLength();
          case "maxLength" -> property.getMaxLength();
          default -> null;
        };
    String detailed =
        switch (keyword) {
          case "type" -> "type." + property.getType();
          case "format" -> "format." + property.getFormat();
          default -> keyword;
        };
    return FieldMessages.of(detailed, field, type, limit);
  }

  private Schema<?> property(Schema<?> branch, String field) {
    Schema<?> property = branch.getProperties().get(field);
    if (property != null && property.get$ref() != null) {
      String ref = property.get$ref();
      return spec.schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return property;
  }

  /** The branch's first {@code object} value is the canonical type ({@code credit_notes}). */
  private static String canonicalType(Schema<?> branch) {
    return String.valueOf(branch.getProperties().get(OBJECT).getEnum().get(0));
  }

  private static ValidRequest toRequest(String type, ObjectNode body) {
    Map<String, Object> filters = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            e -> {
              JsonNode v = e.getValue();
              filters.put(e.getKey(), v.isIntegralNumber() ? (Object) v.asLong() : v.asText());
            });
    filters.remove(OBJECT);
    Object siteId = filters.remove(SITE_ID);
    return new ValidRequest(type, filters, siteId == null ? null : (Long) siteId);
  }

  /** {@code validation.request.body.schema.format.date} → {@code format}. */
  private static String keyword(String key) {
    int at = key.indexOf(".schema.");
    String rest = at < 0 ? key : key.substring(at + ".schema.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private static Optional<String> field(ValidationReport.Message message) {
    return message
        .getContext()
        .flatMap(ValidationReport.MessageContext::getPointers)
        .map(ValidationReport.MessageContext.Pointers::getInstance)
        .map(p -> p.startsWith("/") ? p.substring(1) : p)
        .map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : p)
        .filter(p -> !p.isEmpty())
        .map(p -> p.replace("~1", "/").replace("~0", "~"));
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, f -> new java.util.ArrayList<>());
    if (errors.get(field).isEmpty()) {
      errors.get(field).add(message);
    }
  }
}
