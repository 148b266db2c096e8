package pelcro.exports.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pelcro.exports.sandbox.control.ControlScope;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Fault;
import pelcro.exports.sandbox.store.FaultStore;

/**
 * {@code .../faults}: schedules faults (one, or {@code {"faults": [...]}}), lists them with how
 * many times each struck, and removes one or all. On the whole sandbox a fault applies to every
 * account unless it names an {@code account_id}; through the test helpers it applies to the
 * caller's account only.
 */
public final class FaultsOperation {
  private final FaultStore store;

  public FaultsOperation(FaultStore store) {
    this.store = store;
  }

  public Map<String, Object> list(ControlScope scope) {
    List<Fault> faults = scope.wholeSandbox() ? store.all() : store.of(scope.accountId());
    return Map.of("data", faults.stream().map(FaultSpec::view).toList());
  }

  public Map<String, Object> add(ControlScope scope, JsonNode body) {
    List<JsonNode> specs = new ArrayList<>();
    if (body != null && body.has("faults") && body.get("faults").isArray()) {
      body.get("faults").forEach(specs::add);
    } else {
      specs.add(body);
    }
    List<Fault> parsed = new ArrayList<>();
    for (JsonNode spec : specs) {
      parsed.add(FaultSpec.parse(spec, scope.accountId())); // all valid, or none added
    }
    List<Map<String, Object>> added = new ArrayList<>();
    for (Fault fault : parsed) {
      added.add(FaultSpec.view(store.add(fault)));
    }
    return Map.of("data", added);
  }

  public Map<String, Object> remove(ControlScope scope, String id) {
    boolean removed =
        scope.wholeSandbox()
            ? store.all().stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .map(f -> store.remove(f.accountId(), id))
                .orElse(false)
            : store.remove(scope.accountId(), id);
    if (!removed) {
      throw new ApiException(ApiError.CONTROL_FAULT_NOT_FOUND, id);
    }
    return removedView(id);
  }

  public Map<String, Object> clear(ControlScope scope) {
    store.clear(scope.accountId());
    return removedView("all");
  }

  private static Map<String, Object> removedView(String id) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("removed", id);
    return view;
  }
}
