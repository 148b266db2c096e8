package pelcro.exports.attack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Valid {@code POST /exports} bodies, built from the spec's branch for each {@code object}: its
 * required fields always, each optional filter now and then, values from the spec's enums, examples
 * and minimums, date ranges inside the last six months.
 */
public final class ValidBodies {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final ExportsSpec spec = ExportsSpec.get();
  private final List<String> objects = spec.requestObjectValues();

  /** Every value {@code object} accepts, in the spec's order. */
  public List<String> objects() {
    return objects;
  }

  /** The names of the fields the branch of {@code object} takes. */
  public List<String> fields(String object) {
    return List.copyOf(branch(object).getProperties().keySet());
  }

  /** The names of the fields the branch of {@code object} requires. */
  public List<String> required(String object) {
    List<String> required = branch(object).getRequired();
    return required == null ? List.of() : List.copyOf(required);
  }

  /**
   * A valid body for {@code object}, as of {@code now}.
   *
   * @param site the caller's site for the optional body {@code site_id}
   */
  public ObjectNode valid(String object, SplittableRandom random, Instant now, long site) {
    Schema<?> branch = branch(object);
    ObjectNode body = NODES.objectNode();
    List<String> required = required(object);
    long nowSeconds = now.getEpochSecond();
    long to = nowSeconds - random.nextLong(0, 20 * 86_400L);
    long from = to - random.nextLong(86_400L, 150 * 86_400L);
    for (Map.Entry<String, Schema> field : branch.getProperties().entrySet()) {
      String name = field.getKey();
      if (!required.contains(name) && random.nextInt(100) >= 25) {
        continue;
      }
      switch (name) {
        case "object" -> body.put(name, object);
        case "site_id" -> body.put(name, site);
        case "date_from" -> body.put(name, from);
        case "date_to" -> body.put(name, to);
        case "month" ->
            body.put(
                name,
                LocalDate.ofInstant(now, ZoneOffset.UTC)
                    .minusMonths(random.nextInt(0, 12))
                    .withDayOfMonth(1)
                    .toString());
        default -> body.set(name, valueOf(resolve(field.getValue()), random));
      }
    }
    return body;
  }

  private com.fasterxml.jackson.databind.JsonNode valueOf(
      Schema<?> schema, SplittableRandom random) {
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      Object value = schema.getEnum().get(random.nextInt(schema.getEnum().size()));
      return NODES.textNode(String.valueOf(value));
    }
    if ("integer".equals(schema.getType()) || "number".equals(schema.getType())) {
      long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
      return NODES.numberNode(min + random.nextInt(0, 1000));
    }
    if (schema.getExample() != null) {
      return NODES.textNode(String.valueOf(schema.getExample()));
    }
    if ("email".equals(schema.getFormat())) {
      return NODES.textNode("visitor" + random.nextInt(1000) + "@example.com");
    }
    return NODES.textNode("x" + random.nextInt(1000));
  }

  private Schema<?> branch(String object) {
    return spec.requestSchemaFor(object)
        .orElseThrow(() -> new IllegalArgumentException("The spec has no branch for " + object));
  }

  private Schema<?> resolve(Schema<?> schema) {
    String ref = schema.get$ref();
    return ref == null ? schema : spec.schema(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
