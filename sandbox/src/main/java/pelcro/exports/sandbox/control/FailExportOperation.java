package pelcro.exports.sandbox.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import pelcro.exports.openapi.model.Export;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.operations.ExportView;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * Control API {@code POST /__admin/sandbox/exports/{uuid}/fail} {@code {"reason": "..."}}: fails
 * it now, with that {@code failed_reason}.
 */
public final class FailExportOperation {
  static final String DEFAULT_REASON = "The export failed.";

  private final ExportStore store;
  private final Clock clock;

  private final ExportLifecycleEvents events;


  /** @param events told that the export failed now (webhooks) */
  public FailExportOperation(ExportStore store, Clock clock, ExportLifecycleEvents events) {
    this.store = store;
    this.clock = clock;
    this.events = events;
  }

  public Export handle(String uuid, JsonNode body) {
    JsonNode reason = body == null ? null : body.get("reason");
    if (reason != null && !reason.isTextual()) {
      throw new ApiException(ApiError.CONTROL_BAD_REQUEST, "reason must be a string.");
    }
    String text = reason == null || reason.asText().isBlank() ? DEFAULT_REASON : reason.asText();
    Instant now = clock.instant();
    ExportJob job =
        store
            .findAnyAccount(uuid)
            .orElseThrow(() -> new ApiException(ApiError.CONTROL_EXPORT_NOT_FOUND, uuid));
    ExportJob failed =
        store.update(job.accountId(), uuid, j -> j.fail(now, text), ApiError.CONTROL_EXPORT_NOT_FOUND);
    events.endMoved(failed);
    return ExportView.of(failed, now);
  }
}
