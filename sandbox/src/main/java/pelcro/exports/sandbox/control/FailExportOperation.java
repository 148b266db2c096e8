package pelcro.exports.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.operations.ExportView;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code POST .../exports/{uuid}/fail} {@code {"reason": "..."}}: fails a running export now, with
 * that {@code failed_reason}. A fault that struck for what it will now never have is given back or
 * carried over: {@link Faults#failedByHand}, {@link ExportLifecycleEvents#endMoved}.
 *
 * @param jobs the exports
 * @param clocks each account's clock
 * @param events told that the export failed now (webhooks)
 * @param faults told that the export failed now (its file's fault gives its strike back)
 */
public record FailExportOperation(
    JobStore jobs, AccountClocks clocks, ExportLifecycleEvents events, Faults faults) {
  static final String DEFAULT_REASON = "The export failed.";

  public Export handle(ControlScope scope, String uuid, JsonNode body) {
    JsonNode reason = body == null ? null : body.get("reason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      throw new ApiException(ApiError.CONTROL_BAD_REQUEST, "reason must be a string.");
    }
    String text =
        reason == null || reason.isNull() || reason.asText().isBlank()
            ? DEFAULT_REASON
            : reason.asText();
    ExportJob job = ScopedJobs.find(jobs, scope, uuid);
    Instant now = clocks.now(job.accountId());
    ExportJob failed = ScopedJobs.update(jobs, job, j -> j.fail(now, text));
    faults.failedByHand(failed);
    events.endMoved(failed);
    return ExportView.of(failed, now);
  }
}
