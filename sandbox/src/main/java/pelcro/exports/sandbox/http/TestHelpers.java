package pelcro.exports.sandbox.http;

import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.ControlScope;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.faults.FaultsOperation;

/**
 * The test helpers under {@code /__sandbox} (like Stripe's {@code test_helpers}): the control calls
 * an account may make with its own key, acting on its own account only, authenticated and
 * rate-limited like the API. Open with {@code --no-admin} too; {@code --no-test-helpers} closes
 * them.
 */
record TestHelpers(
    ClockOperation clock,
    ResetOperation reset,
    CompleteExportOperation complete,
    FailExportOperation fail,
    FaultsOperation faults) {

  void addTo(Routes.Builder table) {
    String root = Routes.HELPERS_PATH;
    table
        .add("GET", root + "/clock", call -> ok(clock.show(scope(call))))
        .add(
            "POST",
            root + "/clock/advance",
            call -> ok(clock.advance(scope(call), Json.readOptionalBody(call.body()))))
        .add(
            "POST",
            root + "/exports/{uuid}/complete",
            call -> ok(complete.handle(scope(call), call.params().get("uuid"))))
        .add(
            "POST",
            root + "/exports/{uuid}/fail",
            call ->
                ok(
                    fail.handle(
                        scope(call),
                        call.params().get("uuid"),
                        Json.readOptionalBody(call.body()))))
        .add("POST", root + "/reset", call -> ok(reset.handle(scope(call))))
        .add("GET", root + "/faults", call -> ok(faults.list(scope(call))))
        .add(
            "POST",
            root + "/faults",
            call -> ok(faults.add(scope(call), Json.readOptionalBody(call.body()))))
        .add("DELETE", root + "/faults", call -> ok(faults.clear(scope(call))))
        .add(
            "DELETE",
            root + "/faults/{id}",
            call -> ok(faults.remove(scope(call), call.params().get("id"))));
  }

  private static ControlScope scope(Call call) {
    return ControlScope.account(call.caller().accountId());
  }

  private static Answer ok(Object body) {
    return Answer.json(200, body);
  }
}
