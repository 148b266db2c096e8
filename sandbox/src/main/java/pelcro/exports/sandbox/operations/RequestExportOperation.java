package pelcro.exports.sandbox.operations;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import pelcro.exports.openapi.model.ExportEnvelope;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.AccountingMonthRule;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.DateRangeRule;
import pelcro.exports.sandbox.domain.ExportIds;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.store.ExportStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code requestExport} ({@code POST /exports}): validates, applies the documented rules, and
 * queues the export.
 *
 * <p>Order: site_id, then the body against the spec (all fields at once), then the body
 * {@code site_id}, then "Invalid date range" or the accounting month, then "Nothing to export",
 * and last "Export in progress", checked atomically with the insert.
 */
public final class RequestExportOperation {
  private final ExportStore store;
  private final ExportData data;
  private final Clock clock;
  private final JobTiming timing;
  // Built on first use or by warmUp(): parsing the spec takes a second, and the server should
  // answer before that.
  private volatile RequestBodyValidator validator;

  private final ExportLifecycleEvents events;
  private final boolean strict;

  /** @param events told of each queued export (webhooks) */
  public RequestExportOperation(
      ExportStore store, ExportData data, Clock clock, JobTiming timing, ExportLifecycleEvents events) {
    this(store, data, clock, timing, events, false);
  }

  /**
   * @param events told of each queued export (webhooks)
   * @param strict refuse fields the type does not take and numeric strings in integer fields
   *     ({@code --strict}), instead of reading them as the vendor's framework does
   */
  public RequestExportOperation(ExportStore store, ExportData data, Clock clock, JobTiming timing,
      ExportLifecycleEvents events, boolean strict) {
    this.store = store;
    this.data = data;
    this.clock = clock;
    this.timing = timing;
    this.events = events;
    this.strict = strict;
  }

  /** Loads the spec and the schema validator now (called in the background at start). */
  public void warmUp() {
    validator();
  }

  private RequestBodyValidator validator() {
    RequestBodyValidator current = validator;
    if (current == null) {
      synchronized (this) {
        if (validator == null) {
          validator = new RequestBodyValidator(strict);
        }
        current = validator;
      }
    }
    return current;
  }

  public ExportEnvelope handle(Caller caller, String siteIdParam, JsonNode body) {
    long siteId = SiteParameter.require(caller, siteIdParam);
    ValidRequest request = validator().validate(body);
    if (request.bodySiteId() != null) {
      // request-export: body site_id "limits export to a specific site" of the account.
      siteId = SiteParameter.requireOwned(caller, request.bodySiteId());
    }
    Instant now = clock.instant();
    ExportQuery query = new ExportQuery(siteId, request.type(), request.filters());
    applyRules(query, now);
    if (!data.hasRecords(query, now)) {
      throw new ApiException(ApiError.NOTHING_TO_EXPORT); // request-export, Common Errors
    }
    ExportJob job =
        ExportJob.queued(
            ExportIds.next(now), caller.accountId(), caller.account().userId(), query, now, timing);
    store.insertIfNoneRunning(job, now);
    events.requested(job);
    return new ExportEnvelope().data(ExportView.of(job, now));
  }

  private void applyRules(ExportQuery query, Instant now) {
    if (ExportType.ACCOUNTING.getValue().equals(query.type())) {
      LocalDate month = LocalDate.parse((String) query.filters().get("month"));
      AccountingMonthRule.check(
          month, YearMonth.from(now.atZone(ZoneOffset.UTC)), data.firstInvoiceMonth(query.siteId()));
    } else {
      DateRangeRule.check(
          (Long) query.filters().get("date_from"), (Long) query.filters().get("date_to"));
    }
  }
}
