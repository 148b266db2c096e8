package pelcro.exports.contract.support;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;

/** The spec's operations and their documented statuses, and which one a request hits. */
public final class SpecOperations {
  /** One operation of the spec. */
  public record Op(
      String id, String method, String path, Pattern pattern, List<Integer> statuses) {}

  private static final List<Op> OPS = load();

  private SpecOperations() {}

  /** All operations, in the spec's order. */
  public static List<Op> all() {
    return OPS;
  }

  /** The operation a request hits, by method and path relative to the base URL. */
  public static Optional<Op> match(String method, String relativePath) {
    return OPS.stream()
        .filter(
            op ->
                op.method().equalsIgnoreCase(method)
                    && op.pattern().matcher(relativePath).matches())
        .findFirst();
  }

  private static List<Op> load() {
    List<Op> ops = new ArrayList<>();
    for (Map.Entry<String, PathItem> e : ExportsSpec.get().model().getPaths().entrySet()) {
      Pattern pattern = Pattern.compile(e.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
      for (Map.Entry<PathItem.HttpMethod, Operation> o :
          e.getValue().readOperationsMap().entrySet()) {
        List<Integer> statuses =
            new ArrayList<>(
                new TreeSet<>(
                    o.getValue().getResponses().keySet().stream().map(Integer::parseInt).toList()));
        ops.add(
            new Op(
                o.getValue().getOperationId(),
                o.getKey().name(),
                e.getKey(),
                pattern,
                List.copyOf(statuses)));
      }
    }
    return List.copyOf(ops);
  }
}
