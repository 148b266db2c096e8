package pelcro.exports.sandbox.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pelcro.exports.openapi.ExportsSpec;

/**
 * The catalogue ids that the spec's request examples filter on (a plan, a product, a campaign key),
 * so the seeded catalogue can hand them to its first entries.
 *
 * <p>Why: the vendor's examples ask for plan 456, product 789 or the campaign {@code
 * summer-sale-2024}. A sandbox whose catalogue lacks them answers the docs' own examples with
 * "Nothing to export". The values are read from the spec's examples, never typed here.
 */
final class DocExampleIds {
  private static final DocExampleIds SPEC = read();

  private final List<Map<?, ?>> bodies;

  private DocExampleIds(List<Map<?, ?>> bodies) {
    this.bodies = bodies;
  }

  static DocExampleIds fromSpec() {
    return SPEC;
  }

  /** The distinct values of {@code field} in the examples of the given export types, in order. */
  List<Object> values(String field, String... types) {
    List<Object> values = new ArrayList<>();
    for (Map<?, ?> body : bodies) {
      Object value = body.get(field);
      if (value != null
          && List.of(types).contains(String.valueOf(body.get("object")))
          && !values.contains(value)) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * The ids of a catalogue of {@code size} entries: the examples' ids first, then {@code firstId},
   * {@code firstId + 1}, ... for the rest. Computed once, read per row.
   */
  long[] ids(int size, long firstId, String field, String... types) {
    List<Object> examples = values(field, types);
    long[] ids = new long[size];
    for (int i = 0; i < size; i++) {
      ids[i] = i < examples.size() ? ((Number) examples.get(i)).longValue() : firstId + i;
    }
    return ids;
  }

  private static DocExampleIds read() {
    Map<String, Example> examples = ExportsSpec.requestExamples(ExportsSpec.get().model());
    List<Map<?, ?>> bodies = new ArrayList<>();
    // The parser hands inline examples over as Jackson trees; read them as plain maps.
    ObjectMapper json = new ObjectMapper();
    examples
        .values()
        .forEach(example -> bodies.add(json.convertValue(example.getValue(), Map.class)));
    return new DocExampleIds(List.copyOf(bodies));
  }
}
