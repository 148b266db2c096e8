package pelcro.exports.sandbox.operations;

import com.networknt.schema.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pelcro.exports.openapi.ExportsSpec;

/**
 * One branch of the spec's {@code ExportRequest}, read once: its canonical type, its fields (each
 * {@code $ref} followed), its required fields and its compiled schema.
 *
 * @param type the branch's first {@code object} value, the canonical type ({@code credit_notes})
 * @param fields the schema of each field the type takes
 * @param required the fields the branch requires, in the spec's order
 * @param integerFields the fields the spec types {@code integer}
 * @param schema the branch compiled by networknt, for every keyword but required and unknown fields
 */
record RequestBranch(
    String type,
    Map<String, Schema<?>> fields,
    List<String> required,
    Set<String> integerFields,
    JsonSchema schema) {

  /** The branch that {@code ref} ({@code #/components/schemas/X}) names. */
  static RequestBranch of(ExportsSpec spec, RequestSchemas schemas, String ref) {
    Schema<?> branch = spec.schema(ref.substring(ref.lastIndexOf('/') + 1));
    Map<String, Schema<?>> fields = new HashMap<>();
    branch.getProperties().forEach((name, property) -> fields.put(name, resolve(spec, property)));
    Set<String> integers =
        fields.entrySet().stream()
            .filter(e -> "integer".equals(e.getValue().getType()))
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());
    return new RequestBranch(
        String.valueOf(branch.getProperties().get("object").getEnum().get(0)),
        Map.copyOf(fields),
        List.copyOf(branch.getRequired()),
        integers,
        schemas.compile(ref));
  }

  private static Schema<?> resolve(ExportsSpec spec, Schema<?> property) {
    String ref = property.get$ref();
    return ref == null ? property : spec.schema(ref.substring(ref.lastIndexOf('/') + 1));
  }
}
