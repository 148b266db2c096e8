package pelcro.exports.sandbox.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportDates;
import pelcro.exports.sandbox.domain.FieldMessages;

/**
 * Checks a {@code POST /exports} body against the spec branch its {@code object} selects, and names
 * every wrong field in the vendor's format (core-errors), all fields at once.
 *
 * <p>Required and unknown fields are read from the branch schema directly (their messages need the
 * field names); every other keyword is checked by networknt's JSON Schema validator, on schemas
 * compiled once from the spec ({@link RequestSchemas}).
 *
 * <p>By default the body is first read as the vendor's framework (Laravel) reads it (spec
 * x-decisions of {@code ExportRequest} and {@code PlanId}): a field the type does not take is
 * ignored, and a numeric string or a number with a zero fraction ({@code 456.0}) in an integer
 * field is that integer. With {@code strict} they are refused, exactly as the spec's schemas say.
 */
final class RequestBodyValidator {
  private static final String OBJECT = "object";
  private static final String SITE_ID = "site_id";
  private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> DATES = Set.of("date_from", "date_to");
  private static final BigDecimal BEYOND_ANY_BOUND = new BigDecimal("1e400");

  /** The branch for each value {@code object} takes, synonyms included. */
  private final Map<String, RequestBranch> branches;

  private final boolean strict;

  /** The default reading: unknown fields ignored, numeric strings taken as integers. */
  RequestBodyValidator() {
    this(false);
  }

  /**
   * @param strict refuse what the spec's schemas refuse, with no lenient reading
   */
  RequestBodyValidator(boolean strict) {
    this.strict = strict;
    ExportsSpec spec = ExportsSpec.get();
    RequestSchemas schemas = new RequestSchemas(spec);
    Map<String, RequestBranch> byRef = new HashMap<>();
    Map<String, RequestBranch> byObject = new HashMap<>();
    spec.schema("ExportRequest")
        .getDiscriminator()
        .getMapping()
        .forEach(
            (object, ref) ->
                byObject.put(
                    object, byRef.computeIfAbsent(ref, r -> RequestBranch.of(spec, schemas, r))));
    this.branches = Map.copyOf(byObject);
  }

  ValidRequest validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("body", FieldMessages.of("object", "body", null, null));
    }
    JsonNode object = body.get(OBJECT);
    if (object == null || object.isNull()) {
      throw ApiException.invalid(OBJECT, FieldMessages.of("required", OBJECT, null, null));
    }
    RequestBranch branch = object.isTextual() ? branches.get(object.asText()) : null;
    if (branch == null) {
      throw ApiException.invalid(OBJECT, FieldMessages.of("enum", OBJECT, null, null));
    }
    String type = branch.type();
    Map<String, List<String>> errors = new LinkedHashMap<>();
    ObjectNode known = JsonNodeFactory.instance.objectNode();
    body.fields()
        .forEachRemaining(
            entry -> {
              String field = entry.getKey();
              JsonNode value = entry.getValue();
              if (!branch.fields().containsKey(field)) {
                if (strict) {
                  add(errors, field, FieldMessages.of("additionalProperties", field, type, null));
                }
              } else if (!strict && isIntegerText(branch, field, value)) {
                known.set(field, BigIntegerNode.valueOf(new BigInteger(value.asText())));
              } else if (!strict && isWholeDecimal(branch, field, value)) {
                known.set(field, BigIntegerNode.valueOf(value.decimalValue().toBigIntegerExact()));
              } else {
                known.set(field, finite(value));
              }
            });
    for (String field : branch.required()) {
      if (!body.has(field)) {
        add(errors, field, FieldMessages.of("required", field, type, null));
      }
    }
    FirstFindings.of(branch.schema().validate(known))
        .forEach(
            (field, keyword) -> {
              String name = field.isEmpty() ? "body" : field;
              add(errors, name, messageFor(branch, name, keyword, type));
            });
    readDates(known, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return toRequest(type, known);
  }

  /** Whether {@code value} is a numeric string in a field the spec types {@code integer}. */
  private static boolean isIntegerText(RequestBranch branch, String field, JsonNode value) {
    return value.isTextual()
        && branch.integerFields().contains(field)
        && INTEGER_TEXT.matcher(value.asText()).matches();
  }

  /**
   * Whether {@code value} is a number with a zero fraction ({@code 456.0}, {@code 1e3}) in a field
   * the spec types {@code integer}: Laravel's {@code integer} rule takes it (PHP's {@code
   * FILTER_VALIDATE_INT} reads the float 456.0 as 456), so it is that integer (spec x-decision of
   * {@code PlanId}).
   */
  static boolean isWholeDecimal(RequestBranch branch, String field, JsonNode value) {
    return value.isFloatingPointNumber()
        && branch.integerFields().contains(field)
        && (value.isBigDecimal() || Double.isFinite(value.doubleValue()))
        && value.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  /**
   * A number too large for a double ({@code 1e999}) is read by Jackson as infinity, which
   * networknt's enum and bounds checks cannot turn into a decimal (they threw, a 500): it is
   * checked as a decimal beyond any bound instead, and refused as any such number is.
   */
  private static JsonNode finite(JsonNode value) {
    if (value.isFloatingPointNumber()
        && !value.isBigDecimal()
        && !Double.isFinite(value.doubleValue())) {
      return DecimalNode.valueOf(
          value.doubleValue() > 0 ? BEYOND_ANY_BOUND : BEYOND_ANY_BOUND.negate());
    }
    return value;
  }

  /** Replaces each valid date with its epoch second; one that names no real day is refused. */
  private static void readDates(ObjectNode body, Map<String, List<String>> errors) {
    for (String field : DATES) {
      JsonNode value = body.get(field);
      if (value == null || errors.containsKey(field)) {
        continue;
      }
      OptionalLong seconds =
          ExportDates.epochSecond(value.isNumber() ? value.numberValue() : value.asText());
      if (seconds.isPresent()) {
        body.put(field, seconds.getAsLong());
      } else {
        add(errors, field, FieldMessages.of("date", field, null, null));
      }
    }
  }

  private static String messageFor(
      RequestBranch branch, String field, String keyword, String type) {
    Schema<?> property = branch.fields().get(field);
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

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, f -> new ArrayList<>());
    if (errors.get(field).isEmpty()) {
      errors.get(field).add(message);
    }
  }
}
