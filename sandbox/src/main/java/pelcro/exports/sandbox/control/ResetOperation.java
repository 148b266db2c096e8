package pelcro.exports.sandbox.control;

import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.store.SandboxState;

/**
 * {@code POST .../reset}: the whole sandbox (no exports, no runtime accounts, every clock back to
 * real time), or one account (its exports and its clock).
 *
 * @param afterWholeReset what else a whole reset clears (node-local journals)
 */
public record ResetOperation(SandboxState state, Runnable afterWholeReset) {

  public Map<String, Object> handle(ControlScope scope) {
    Map<String, Object> view = new LinkedHashMap<>();
    if (scope.wholeSandbox()) {
      state.reset();
      afterWholeReset.run();
    } else {
      state.resetAccount(scope.accountId());
      view.put("account_id", scope.accountId());
    }
    view.put("reset", true);
    return view;
  }
}
