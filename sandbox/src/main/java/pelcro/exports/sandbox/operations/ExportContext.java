package pelcro.exports.sandbox.operations;

import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.faults.Faults;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;
import pelcro.exports.sandbox.webhooks.ExportLifecycleEvents;

/**
 * What requesting and downloading an export both act on: the jobs, the accounts' clocks, the
 * exported data, the lifecycle events (webhooks) and the faults that may strike.
 */
public record ExportContext(
    JobStore jobs,
    AccountClocks clocks,
    ExportData data,
    ExportLifecycleEvents events,
    Faults faults) {}
