package pelcro.exports.sandbox.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.WebhookEvent;

/**
 * Builds export events in the documented envelope {@code
 * {"type","id","created","data":{"object":{...}}}} (webhooks-exports; the spec's {@code
 * ExportEvent}).
 *
 * <p>The object is the union the spec's {@code ExportEventObject} describes: the export's fields,
 * {@code type} beside {@code object} (the export.downloaded page names it {@code type}), {@code
 * user_email} and {@code filters} (the webhooks-exports page), and {@code failed_reason} (the
 * export.requested and export.completed pages), so that a consumer written against any of the
 * vendor's pages finds its fields.
 */
public final class ExportEvents {
  private static final String ALNUM =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RandomGenerator random;

  public ExportEvents() {
    this(new SecureRandom());
  }

  /**
   * @param random the source of event ids (seeded in tests)
   */
  public ExportEvents(RandomGenerator random) {
    this.random = random;
  }

  /** The event of {@code type} about {@code export}, that happened at {@code happenedAt}. */
  public WebhookEvent build(ExportEventType type, ExportFacts export, Instant happenedAt) {
    String id = newId();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("type", type.wireName());
    envelope.put("id", id);
    envelope.put("created", happenedAt.getEpochSecond());
    envelope.put("data", Map.of("object", object(export)));
    try {
      return new WebhookEvent(
          id,
          type,
          happenedAt.getEpochSecond(),
          export.uuid(),
          export.accountId(),
          JSON.writeValueAsString(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> object(ExportFacts e) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("account_id", e.accountId());
    o.put("created_at", seconds(e.createdAt()));
    o.put("failed_reason", e.failedReason());
    o.put("finished_at", seconds(e.finishedAt()));
    o.put("started_at", seconds(e.startedAt()));
    o.put("object", e.type());
    o.put("type", e.type());
    o.put("updated_at", seconds(e.updatedAt()));
    o.put("user_id", e.userId());
    o.put("user_email", e.userEmail());
    o.put("uuid", e.uuid());
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("date_from", e.dateFrom());
    filters.put("date_to", e.dateTo());
    o.put("filters", filters);
    return o;
  }

  private static Long seconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }

  private String newId() {
    StringBuilder id = new StringBuilder("evt_");
    for (int i = 0; i < 24; i++) {
      id.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return id.toString();
  }
}
