package pelcro.exports.sandbox.webhooks;

import java.time.Instant;

/**
 * An export as an event carries it, at the moment the event happens: the seam between the sandbox's
 * jobs and the webhooks. Null timestamps are sent as JSON null.
 *
 * @param accountId the owning account
 * @param uuid the export's uuid
 * @param type the canonical export type ({@code credit_notes}), sent as both {@code object} and
 *     {@code type}
 * @param userId the requesting collaborator, or null
 * @param userEmail the requesting collaborator's email, or null
 * @param dateFrom the {@code date_from} filter, or null (accounting has none)
 * @param dateTo the {@code date_to} filter, or null
 * @param createdAt when the export was requested
 * @param startedAt when processing started, or null
 * @param finishedAt when processing finished, or null
 * @param failedReason why processing failed, or null
 * @param updatedAt the export's last change (the download instant for {@code export.downloaded})
 */
public record ExportFacts(
    long accountId,
    String uuid,
    String type,
    Long userId,
    String userEmail,
    Long dateFrom,
    Long dateTo,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    String failedReason,
    Instant updatedAt) {}
