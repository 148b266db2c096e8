package pelcro.exports.sandbox.operations;

import com.fasterxml.jackson.databind.JsonNode;
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
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * {@code requestExport} ({@code POST /exports}): validates, applies the documented rules, and
 * queues the export.
 *
 * <p>Order: site_id, then the body against the spec (all fields at once), then the body {@code
 * site_id}, then "Invalid date range" or the accounting month, then "Nothing to export", and last
 * "Export in progress", checked atomically with the insert.
 */
public final class RequestExportOperation {
  private final JobStore jobs;
  private final AccountClocks clocks;
  private final ExportData data;
  private final JobTiming timing;
  // Built on first use or by warmUp(): parsing the spec takes a second, and the server should
  // answer before that.
  private volatile RequestBodyValidator validator;

  private final ExportLifecycleEvents events;
  private final Faults faults;
  private final boolean strict;

  /**
   * @param context its events are told of each queued export (webhooks); its faults are the
   *     lifecycle faults that may strike (failing, held, expiring, nothing to export)
   * @param strict refuse fields the type does not take and numeric strings in integer fields
   *     ({@code --strict}), instead of reading them as the vendor's framework does
   */
  public RequestExportOperation(ExportContext context, JobTiming timing, boolean strict) {
    this.jobs = context.jobs();
    this.clocks = context.clocks();
    this.data = context.data();
    this.events = context.events();
    this.faults = context.faults();
    this.timing = timing;
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
    Instant now = clocks.now(caller.accountId());
    ExportQuery query = new ExportQuery(siteId, request.type(), request.filters());
    applyRules(query, now);
    if (faults.nothingToExport(caller.accountId(), query.type()) || !data.hasRecords(query, now)) {
      throw new ApiException(ApiError.NOTHING_TO_EXPORT); // request-export, Common Errors
    }
    ExportJob job =
        ExportJob.queued(
            ExportIds.next(now), caller.accountId(), caller.account().userId(), query, now, timing);
    jobs.insertIfNoneRunning(job, now);
    // Faults are weighed once the export exists: "the next 2 exports fail" counts exports, not
    // requests refused with 409.
    ExportJob shaped = faults.shape(job);
    if (shaped != job) {
      job = jobs.update(job.accountId(), job.uuid(), j -> shaped, ApiError.FILE_NOT_FOUND);
    }
    events.requested(job);
    if (job.failedAt() == null && !job.finishAt().equals(ExportJob.NEVER)) {
      data.prepare(query, job.uuid(), job.finishAt()); // a file that will exist as it stands
    }
    return new ExportEnvelope().data(ExportView.of(job, now));
  }

  private void applyRules(ExportQuery query, Instant now) {
    if (ExportType.ACCOUNTING.getValue().equals(query.type())) {
      LocalDate month = LocalDate.parse((String) query.filters().get("month"));
      AccountingMonthRule.check(
          month,
          YearMonth.from(now.atZone(ZoneOffset.UTC)),
          data.firstInvoiceMonth(query.siteId()));
    } else {
      DateRangeRule.check(
          (Long) query.filters().get("date_from"), (Long) query.filters().get("date_to"));
    }
  }
}
