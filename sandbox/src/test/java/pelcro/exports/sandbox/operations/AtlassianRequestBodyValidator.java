package pelcro.exports.sandbox.operations;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportDates;
import pelcro.exports.sandbox.domain.FieldMessages;

/**
 * The sandbox's previous request-body validator, on Atlassian's {@code SchemaValidator} (the fge
 * validator underneath), kept unchanged as the oracle that {@link RequestBodyValidator}'s answers
 * are compared with ({@code RequestBodyValidatorEquivalenceTest}, {@code ValidatorBenchmark}).
 *
 * <p>Required and unknown fields are read from the branch schema directly (their messages need
 * the field names); every other keyword is checked by Atlassian's schema validator.
 */
final class AtlassianRequestBodyValidator {
  private static final String OBJECT = "object";
  private static final String SITE_ID = "site_id";
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> DATES = Set.of("date_from", "date_to");

  private final ExportsSpec spec = ExportsSpec.get();
  private final SchemaValidator validator =
      new SchemaValidator(spec.model(), new MessageResolver());
  private final boolean strict;

  /** The default reading: unknown fields ignored, numeric strings taken as integers. */
  AtlassianRequestBodyValidator() {
    this(false);
  }

  /** @param strict refuse what the spec's schemas refuse, with no lenient reading */
  AtlassianRequestBodyValidator(boolean strict) {
    this.strict = strict;
  }

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
    body.fields()
        .forEachRemaining(
            entry -> {
              String field = entry.getKey();
              if (!schema.getProperties().containsKey(field)) {
                if (strict) {
                  add(errors, field, FieldMessages.of("additionalProperties", field, type, null));
                }
                known.remove(field);
              } else if (!strict && isIntegerText(branch.get(), field, entry.getValue())) {
                known.set(field, BigIntegerNode.valueOf(new BigInteger(entry.getValue().asText())));
              } else if (!strict && isWholeDecimal(branch.get(), field, entry.getValue())) {
                known.set(field,
                    BigIntegerNode.valueOf(entry.getValue().decimalValue().toBigIntegerExact()));
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
    readDates(known, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return toRequest(type, known);
  }

  /** Whether {@code value} is a numeric string in a field the spec types {@code integer}. */
  private boolean isIntegerText(Schema<?> branch, String field, JsonNode value) {
    Schema<?> property = property(branch, field);
    return value.isTextual() && property != null && "integer".equals(property.getType())
        && INTEGER_TEXT.matcher(value.asText()).matches();
  }

  /** Whether {@code value} is a number with a zero fraction in a field the spec types integer. */
  private boolean isWholeDecimal(Schema<?> branch, String field, JsonNode value) {
    Schema<?> property = property(branch, field);
    return value.isFloatingPointNumber() && property != null
        && "integer".equals(property.getType())
        && (value.isBigDecimal() || Double.isFinite(value.doubleValue()))
        && value.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  /** Replaces each valid date with its epoch second; one that names no real day is refused. */
  private static void readDates(ObjectNode body, Map<String, List<String>> errors) {
    for (String field : DATES) {
      JsonNode value = body.get(field);
      if (value == null || errors.containsKey(field)) {
        continue;
      }
      OptionalLong seconds = ExportDates.epochSecond(value.isNumber() ? value.numberValue() : value.asText());
      if (seconds.isPresent()) {
        body.put(field, seconds.getAsLong());
      } else {
        add(errors, field, FieldMessages.of("date", field, null, null));
      }
    }
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
