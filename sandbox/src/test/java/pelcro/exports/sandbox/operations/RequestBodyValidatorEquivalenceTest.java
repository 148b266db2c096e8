package pelcro.exports.sandbox.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * The networknt-based {@link RequestBodyValidator} answers every body exactly as the previous,
 * Atlassian-based one did ({@link AtlassianRequestBodyValidator}): the same request for a valid
 * body, the same fields and messages in the same order for an invalid one, in both modes.
 *
 * <p>The bodies are the vendor's examples of the spec and bodies generated from the spec: no body
 * and bodies of every JSON type, every {@code object} value, each field set to each value of a pool (wrong types, bounds and just past them, fractions, huge numbers, numeric
 * strings, dates and near-dates, every enum value of the spec and its other case, line breaks,
 * long and astral strings, nulls, arrays, objects), each required field left out, unknown fields,
 * and seeded random mixtures of all of these, starting from a minimal valid body or an example.
 */
class RequestBodyValidatorEquivalenceTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final ExportsSpec SPEC = ExportsSpec.get();
  private static final List<ObjectNode> EXAMPLES = specExamples();
  private static final long SEED = Long.getLong("equivalence.seed", 20240101L);

  @ParameterizedTest(name = "strict={0}")
  @ValueSource(booleans = {false, true})
  void answersEveryGeneratedBodyAsTheAtlassianValidatorDid(boolean strict) {
    RequestBodyValidator validator = new RequestBodyValidator(strict);
    AtlassianRequestBodyValidator oracle = new AtlassianRequestBodyValidator(strict);
    List<JsonNode> bodies = bodies();
    List<String> differences = new ArrayList<>();
    int accepted = 0;
    for (JsonNode body : bodies) {
      String expected = outcome(oracle::validate, body);
      String actual = outcome(validator::validate, body);
      if (!expected.equals(actual)) {
        differences.add(body + "\n    old: " + expected + "\n    new: " + actual);
      }
      accepted += expected.startsWith("valid") ? 1 : 0;
    }
    assertThat(bodies).hasSizeGreaterThan(10_000);
    assertThat(EXAMPLES).as("the spec's request examples").hasSizeGreaterThan(10);
    assertThat(bodies).containsAll(EXAMPLES);
    assertThat(accepted).as("valid bodies among the generated ones").isBetween(500, bodies.size() - 5_000);
    assertThat(differences).as("bodies answered differently (%d of %d)", differences.size(), bodies.size())
        .isEmpty();
  }

  /** The answer as comparable text: the request with its value types, or the error in order. */
  private static String outcome(Function<JsonNode, ValidRequest> validate, JsonNode body) {
    try {
      ValidRequest request = validate.apply(body == null ? null : body.deepCopy());
      return "valid " + request.type() + " site " + request.bodySiteId() + " "
          + request.filters().entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue() + ":" + e.getValue().getClass().getSimpleName())
              .collect(Collectors.joining(", ", "[", "]"));
    } catch (ApiException e) {
      return "refused " + e.error() + " " + e.fieldErrors();
    } catch (RuntimeException e) {
      return "failed " + e;
    }
  }

  private static List<JsonNode> bodies() {
    List<JsonNode> bodies = new ArrayList<>();
    bodies.add(null); // a POST without a body
    for (String text : List.of("[]", "1", "\"x\"", "null", "{}", "{\"object\":null}",
        "{\"object\":5}", "{\"object\":\"unknown\"}", "{\"object\":\"Subscriptions\"}",
        "{\"object\":[\"orders\"]}", "{\"object\":\"\"}")) {
      bodies.add(parse(text));
    }
    Random random = new Random(SEED);
    List<JsonNode> pool = pool();
    for (String object : SPEC.requestObjectValues()) {
      Schema<?> branch = SPEC.requestSchemaFor(object).orElseThrow();
      ObjectNode valid = validBody(object, branch);
      bodies.add(valid);
      List<ObjectNode> examples = examples(object);
      for (ObjectNode example : examples) {
        bodies.add(example);
        example.fieldNames().forEachRemaining(field -> bodies.add(example.deepCopy().without(field)));
      }
      List<String> fields = new ArrayList<>(branch.getProperties().keySet());
      fields.remove("object");
      for (String field : fields) {
        for (JsonNode value : poolFor(branch, field, pool)) {
          bodies.add(valid.deepCopy().set(field, value));
        }
      }
      for (String required : branch.getRequired()) {
        ObjectNode body = valid.deepCopy();
        body.remove(required);
        bodies.add(body);
      }
      List<String> strangers = new ArrayList<>(List.of("colour", "a/b", "~0", "", "plan_id", "month",
          "currency", "email", "date_from", "sku_id"));
      strangers.removeAll(fields);
      for (String stranger : strangers) {
        for (JsonNode value : List.of(parse("1"), parse("\"456\""), parse("null"))) {
          bodies.add(valid.deepCopy().set(stranger, value));
        }
      }
      for (int i = 0; i < 400; i++) {
        ObjectNode base = examples.isEmpty() || random.nextBoolean()
            ? valid : examples.get(random.nextInt(examples.size()));
        bodies.add(mixture(random, object, base, fields, strangers, branch, pool));
      }
    }
    return bodies;
  }

  /** The vendor's example bodies of {@code POST /exports} whose {@code object} is this value. */
  private static List<ObjectNode> examples(String object) {
    return EXAMPLES.stream().filter(example -> object.equals(example.path("object").asText())).toList();
  }

  /** The example bodies of the spec's operations that send a JSON object (a fresh copy each). */
  private static List<ObjectNode> specExamples() {
    return SPEC.model().getPaths().values().stream()
        .flatMap(path -> path.readOperations().stream())
        .filter(operation -> operation.getRequestBody() != null)
        .flatMap(operation -> operation.getRequestBody().getContent().values().stream())
        .filter(media -> media.getExamples() != null)
        .flatMap(media -> media.getExamples().values().stream())
        .map(example -> (JsonNode) JSON.valueToTree(example.getValue()))
        .filter(JsonNode::isObject)
        .map(ObjectNode.class::cast)
        .toList();
  }

  /** A random body of this type: some fields changed, some removed, some unknown added. */
  private static ObjectNode mixture(Random random, String object, ObjectNode valid, List<String> fields,
      List<String> strangers, Schema<?> branch, List<JsonNode> pool) {
    ObjectNode body = random.nextInt(4) == 0 ? JSON.createObjectNode().put("object", object) : valid.deepCopy();
    int changes = 1 + random.nextInt(Math.min(5, fields.size()));
    for (int c = 0; c < changes; c++) {
      String field = fields.get(random.nextInt(fields.size()));
      List<JsonNode> values = poolFor(branch, field, pool);
      switch (random.nextInt(6)) {
        case 0 -> body.remove(field);
        case 1 -> body.set(strangers.get(random.nextInt(strangers.size())), pool.get(random.nextInt(pool.size())));
        default -> body.set(field, values.get(random.nextInt(values.size())));
      }
    }
    return body;
  }

  /** A body every validator accepts: the required fields with documented values. */
  private static ObjectNode validBody(String object, Schema<?> branch) {
    ObjectNode body = JSON.createObjectNode().put("object", object);
    for (String field : branch.getRequired()) {
      switch (field) {
        case "object" -> { }
        case "date_from" -> body.put(field, 1704067200L);
        case "date_to" -> body.put(field, "2024-03-01T00:00:00Z");
        case "month" -> body.put(field, "2024-01-01");
        case "currency" -> body.put(field, "usd");
        default -> throw new IllegalStateException("no valid value known for required " + field);
      }
    }
    return body;
  }

  /** The shared pool plus this field's enum values, in their case and in another. */
  private static List<JsonNode> poolFor(Schema<?> branch, String field, List<JsonNode> pool) {
    Set<JsonNode> values = new LinkedHashSet<>(pool);
    Schema<?> property = branch.getProperties().get(field);
    String ref = property.get$ref();
    Schema<?> resolved = ref == null ? property : SPEC.schema(ref.substring(ref.lastIndexOf('/') + 1));
    if (resolved.getEnum() != null) {
      for (Object value : resolved.getEnum()) {
        values.add(JSON.getNodeFactory().textNode(String.valueOf(value)));
        values.add(JSON.getNodeFactory().textNode(String.valueOf(value).toUpperCase()));
      }
    }
    return new ArrayList<>(values);
  }

  /** Values of every JSON type, around every bound and format of the spec's request fields. */
  private static List<JsonNode> pool() {
    List<String> literals = new ArrayList<>(List.of(
        "null", "true", "false", "0", "1", "-1", "2", "1.0", "1.5", "0.5", "0.999", "-0.0", "-0.5",
        "2147483646", "2147483647", "2147483648", "2147483647.5", "2147483646.5", "3e9", "3.0E9", "1e3",
        "-2147483648", "-2147483649", "99999999999", "100000000000", "99999999999.5", "1704067200",
        "1704067200000", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "99999999999999999999", "1e20", "-1e20", "1e308", "4.9e-324",
        "\"\"", "\" \"", "\"x\"", "\"abc\"", "\"usd\"", "\"USD\"", "\"eur\"", "\"usd\\n\"", "\"usd\\r\"",
        "\"usd\\u2028\"", "\"\\nusd\"", "\"us\"", "\"US\"", "\"Us\\n\"", "\"CA\"", "\"c\"", "\"u2\"",
        "\"1\"", "\"+1\"", "\"-1\"", "\"01\"", "\"0\"", "\"456\"", "\" 456\"", "\"456 \"", "\"4 56\"",
        "\"99999999999999999999\"", "\"1.5\"", "\"1e3\"", "\"2147483647\"", "\"2147483648\"",
        "\"-2147483649\"", "\"1704067200\"", "\"1704067200\\n\"", "\"99999999999\"", "\"100000000000\"",
        "\"١٧٠٤٠٦٧٢٠٠\"", "\"2024-01-01\"", "\"2024-02-29\"", "\"2023-02-29\"", "\"2024-02-30\"",
        "\"2024-04-31\"", "\"2024-13-01\"", "\"2024-00-10\"", "\"0000-01-01\"", "\"1969-12-31\"",
        "\"1970-01-01\"", "\"5000-01-01\"", "\"9999-12-31\"", "\"2024-1-1\"", "\"+2024-01-01\"",
        "\"20240-01-01\"", "\"2024-01-01\\n\"", "\"2024-01-01 \"", "\"2024/01/01\"",
        "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00Z\"", "\"2024-01-01T02:00+02:00\"",
        "\"2024-01-01T24:00:00Z\"", "\"2024-01-01T00:00:00.123456789Z\"",
        "\"2024-01-01T00:00:00.1234567890Z\"", "\"2024-01-01T00:00:00\"", "\"2024-01-01T00:00:60Z\"",
        "\"2024-02-30T00:00:00Z\"", "\"2024-01-01t00:00:00z\"", "\"2024-01-01T00:00:00+24:00\"",
        "\"2024-01-01T00:00:00-00:00\"", "\"2024-06-15T12:30:45.5-07:30\"",
        "[]", "[1]", "[\"usd\"]", "{}", "{\"a\":1}", "{\"a\":{\"b\":[1,{\"c\":null}]}}"));
    literals.add(JSON.getNodeFactory().textNode("a".repeat(255)).toString());
    literals.add(JSON.getNodeFactory().textNode("a".repeat(256)).toString());
    literals.add(JSON.getNodeFactory().textNode("😀".repeat(255)).toString());
    literals.add(JSON.getNodeFactory().textNode("😀".repeat(256)).toString());
    literals.add(JSON.getNodeFactory().textNode("é").toString());
    Set<String> enumValues = new LinkedHashSet<>();
    SPEC.model().getComponents().getSchemas().values().forEach(s -> collectEnums(s, enumValues));
    for (String value : enumValues) {
      literals.add(JSON.getNodeFactory().textNode(value).toString());
    }
    return literals.stream().map(RequestBodyValidatorEquivalenceTest::parse).distinct().toList();
  }

  private static void collectEnums(Schema<?> schema, Set<String> values) {
    if (schema.getEnum() != null) {
      schema.getEnum().forEach(v -> values.add(String.valueOf(v)));
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> collectEnums(p, values));
    }
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

}
