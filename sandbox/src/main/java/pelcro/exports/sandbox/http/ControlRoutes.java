package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.LongPredicate;
import pelcro.exports.sandbox.control.ClockOperation;
import pelcro.exports.sandbox.control.CompleteExportOperation;
import pelcro.exports.sandbox.control.ControlScope;
import pelcro.exports.sandbox.control.FailExportOperation;
import pelcro.exports.sandbox.control.ResetOperation;
import pelcro.exports.sandbox.control.SessionsOperation;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.faults.FaultsOperation;
import pelcro.exports.sandbox.lint.LintControl;
import pelcro.exports.sandbox.webhooks.DeliveriesControl;

/**
 * The control API's rows of the route table, under {@code /__admin/sandbox}: reset, the clocks (the
 * sandbox's and each account's), forcing an export to complete or fail, sessions, faults, webhook
 * deliveries and the integrator lint. Sandbox-only; {@code --no-admin} closes it with the rest of
 * {@code /__admin}, and {@code --admin-token} guards it the same way.
 *
 * @param knownAccount whether an account id names an account (file or run time)
 */
record ControlRoutes(
    ResetOperation reset,
    ClockOperation clock,
    CompleteExportOperation complete,
    FailExportOperation fail,
    SessionsOperation sessions,
    FaultsOperation faults,
    DeliveriesControl deliveries,
    LintControl lint,
    LongPredicate knownAccount) {

  private static final ControlScope ALL = ControlScope.WHOLE_SANDBOX;

  void addTo(Routes.Builder table) {
    table
        .control("POST", "/reset", call -> ok(reset.handle(ALL)))
        .control("GET", "/clock", call -> ok(clock.show(ALL)))
        .control("POST", "/clock/advance", call -> ok(clock.advance(ALL, body(call))))
        .control(
            "POST",
            "/exports/{uuid}/complete",
            call -> ok(complete.handle(ALL, call.params().get("uuid"))))
        .control(
            "POST",
            "/exports/{uuid}/fail",
            call -> ok(fail.handle(ALL, call.params().get("uuid"), body(call))))
        .control("GET", "/accounts/{id}/clock", call -> ok(clock.show(account(call))))
        .control(
            "POST",
            "/accounts/{id}/clock/advance",
            call -> ok(clock.advance(account(call), body(call))))
        .control("POST", "/accounts/{id}/reset", call -> ok(reset.handle(account(call))))
        .control("POST", "/sessions", call -> ok(sessions.create()))
        .control("DELETE", "/sessions/{id}", call -> ok(sessions.end(call.params().get("id"))))
        .control("GET", "/faults", call -> ok(faults.list(ALL)))
        .control("POST", "/faults", call -> ok(faults.add(ALL, body(call))))
        .control("DELETE", "/faults", call -> ok(faults.clear(ALL)))
        .control("DELETE", "/faults/{id}", call -> ok(faults.remove(ALL, call.params().get("id"))))
        .control("GET", "/webhooks/deliveries", call -> ok(deliveries.list()))
        .control(
            "GET",
            "/lint",
            call -> ok(lint.list(call.query().get("account"), call.query().get("rule"))))
        .control(
            "POST",
            "/webhooks/deliveries/{uuid}/redeliver",
            call ->
                ok(
                    deliveries
                        .redeliver(call.params().get("uuid"))
                        .orElseThrow(
                            () ->
                                new ApiException(
                                    ApiError.CONTROL_DELIVERY_NOT_FOUND,
                                    call.params().get("uuid")))));
  }

  /** The account a per-account route names: 400 for a malformed id, 404 for an unknown one. */
  private ControlScope account(Call call) {
    String id = call.params().get("id");
    long accountId;
    try {
      accountId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ApiException(ApiError.CONTROL_BAD_REQUEST, "The account id must be an integer.");
    }
    if (!knownAccount.test(accountId)) {
      throw new ApiException(ApiError.CONTROL_ACCOUNT_NOT_FOUND, id);
    }
    return ControlScope.account(accountId);
  }

  private static JsonNode body(Call call) {
    return Json.readOptionalBody(call.body());
  }

  private static Answer ok(Object body) {
    return Answer.json(200, body);
  }
}
