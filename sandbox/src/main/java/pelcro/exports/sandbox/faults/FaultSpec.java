package pelcro.exports.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.Fault;
import pelcro.exports.sandbox.domain.FaultKind;

/**
 * A fault as JSON: {@code {"kind": "export_fails_at_start", "type": "subscriptions", "times": 2,
 * "reason": "Disk full"}}; read strictly (a schedule that is not what the user meant is worse than
 * a 400), and shown with its id, scope and counts.
 */
final class FaultSpec {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> COMMON =
      Set.of("kind", "account_id", "times", "probability", "seed");
  private static final Set<String> OPERATIONS =
      Set.of("listExports", "requestExport", "downloadExport");
  private static final Set<Integer> STATUSES = Set.of(429, 500, 502, 503, 504);

  private FaultSpec() {}

  /**
   * @param accountId the scope's account (test helpers), or null for the body's own account_id
   */
  static Fault parse(JsonNode spec, Long accountId) {
    if (spec == null || !spec.isObject()) {
      throw bad("Send a fault object, e.g. {\"kind\": \"export_fails_at_start\", \"times\": 1}.");
    }
    String kindName = spec.path("kind").asText("");
    FaultKind kind =
        FaultKind.of(kindName)
            .orElseThrow(
                () ->
                    bad(
                        "Unknown fault kind '"
                            + kindName
                            + "'; known kinds: "
                            + java.util.Arrays.stream(FaultKind.values())
                                .map(FaultKind::wireName)
                                .toList()
                            + "."));
    Map<String, Object> params = new LinkedHashMap<>();
    String target = null;
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      JsonNode value = spec.get(field);
      if (field.equals(kind.aim().field())) {
        target = target(kind, value);
      } else if (kind.required().contains(field) || kind.optional().contains(field)) {
        params.put(field, JSON.convertValue(value, Object.class));
      } else if (!COMMON.contains(field)) {
        throw bad("A " + kind.wireName() + " fault takes no '" + field + "'.");
      }
    }
    for (String needed : kind.required()) {
      if (!params.containsKey(needed)) {
        throw bad("A " + kind.wireName() + " fault needs '" + needed + "'.");
      }
    }
    checkParams(kind, params);
    Long scopeAccount =
        accountId != null
            ? accountId
            : spec.hasNonNull("account_id") ? positive(spec, "account_id") : null;
    Integer times = spec.hasNonNull("times") ? (int) positive(spec, "times") : null;
    Double probability = spec.hasNonNull("probability") ? spec.get("probability").asDouble() : null;
    if (probability != null
        && (!spec.get("probability").isNumber() || probability < 0 || probability > 1)) {
      throw bad("probability must be a number between 0 and 1.");
    }
    Long seed = spec.hasNonNull("seed") ? spec.get("seed").asLong() : null;
    return new Fault(null, kind, scopeAccount, target, times, probability, seed, params, 0, 0);
  }

  static Map<String, Object> view(Fault fault) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", fault.id());
    view.put("kind", fault.kind().wireName());
    view.put("account_id", fault.accountId());
    view.put(fault.kind().aim().field(), fault.target());
    view.putAll(fault.params());
    view.put("times", fault.times());
    view.put("probability", fault.probability());
    view.put("seed", fault.seed());
    view.put("weighed", fault.weighed());
    view.put("struck", fault.struck());
    return view;
  }

  private static String target(FaultKind kind, JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    String text = value.asText();
    boolean known =
        switch (kind.aim()) {
          case EXPORT_TYPE ->
              java.util.Arrays.stream(ExportType.values()).anyMatch(t -> t.getValue().equals(text));
          case OPERATION -> OPERATIONS.contains(text);
          case EVENT_TYPE ->
              java.util.Arrays.stream(ExportEventType.values())
                  .anyMatch(t -> t.wireName().equals(text));
        };
    if (!value.isTextual() || !known) {
      throw bad(
          "Unknown " + kind.aim().field() + " '" + text + "' for a " + kind.wireName() + " fault.");
    }
    return text;
  }

  private static void checkParams(FaultKind kind, Map<String, Object> params) {
    for (Map.Entry<String, Object> p : params.entrySet()) {
      boolean text = p.getKey().equals("reason") || p.getKey().equals("state");
      if (text
          ? !(p.getValue() instanceof String)
          : !(p.getValue() instanceof Number n) || n.longValue() < 0) {
        throw bad(
            "'" + p.getKey() + "' must be " + (text ? "a string." : "a non-negative number."));
      }
    }
    if (params.containsKey("status")
        && !STATUSES.contains(((Number) params.get("status")).intValue())) {
      throw bad("status must be one of " + STATUSES + ".");
    }
    if (params.containsKey("state")
        && !Set.of("queued", "processing").contains(params.get("state"))) {
      throw bad("state must be queued or processing.");
    }
  }

  private static long positive(JsonNode spec, String field) {
    JsonNode value = spec.get(field);
    if (!value.canConvertToLong() || value.asLong() < 1) {
      throw bad(field + " must be a positive integer.");
    }
    return value.asLong();
  }

  private static ApiException bad(String message) {
    return new ApiException(ApiError.CONTROL_BAD_REQUEST, message);
  }
}
