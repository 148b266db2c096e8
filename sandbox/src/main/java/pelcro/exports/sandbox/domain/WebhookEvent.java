package pelcro.exports.sandbox.domain;

/**
 * One event, rendered once: its raw JSON body is what is sent, signed and redelivered unchanged.
 *
 * @param id {@code evt_} and 24 letters or digits
 * @param type the event's type
 * @param created when it happened on the sandbox clock, Unix seconds
 * @param exportUuid the uuid of the export it is about
 * @param accountId the export's account, whose clock says when the event is due
 * @param body the exact JSON bytes' text POSTed to the receiver
 */
public record WebhookEvent(
    String id,
    ExportEventType type,
    long created,
    String exportUuid,
    long accountId,
    String body) {}
