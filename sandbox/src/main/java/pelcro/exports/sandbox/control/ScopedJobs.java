package pelcro.exports.sandbox.control;

import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.JobStore;

/** Finds the export a control call names, within its scope: any account's, or one account's. */
final class ScopedJobs {
  private ScopedJobs() {}

  /** The job, or 404: an unknown uuid and another account's uuid look the same. */
  static ExportJob find(JobStore jobs, ControlScope scope, String uuid) {
    jobs.readForControl(uuid); // with what completing or failing it changes, in one round trip
    return (scope.wholeSandbox() ? jobs.findAnyAccount(uuid) : jobs.find(scope.accountId(), uuid))
        .orElseThrow(() -> new ApiException(ApiError.CONTROL_EXPORT_NOT_FOUND, uuid));
  }

  static ExportJob update(JobStore jobs, ExportJob job, UnaryOperator<ExportJob> change) {
    return jobs.update(job.accountId(), job.uuid(), change, ApiError.CONTROL_EXPORT_NOT_FOUND);
  }
}
