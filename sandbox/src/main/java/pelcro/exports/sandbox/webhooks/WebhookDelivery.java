package pelcro.exports.sandbox.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery of one event, with its attempts: an entry of the deliveries journal. Mutated only
 * under the dispatcher's lock.
 */
public final class WebhookDelivery {
  /** Where a delivery stands. */
  public enum Status { PENDING, SENDING, DELIVERED, FAILED }

  /**
   * One attempt.
   *
   * @param at when the answer (or its absence) was seen, on the sandbox clock
   * @param httpStatus the receiver's status, or 0 when none came
   * @param error why no answer came, or null
   */
  public record Attempt(Instant at, int httpStatus, String error) {}

  private final String id;
  private final WebhookEvent event;
  private final String redeliveryOf;
  private final List<Attempt> attempts = new ArrayList<>();
  private Status status = Status.PENDING;
  private Instant nextAttemptAt;

  WebhookDelivery(String id, WebhookEvent event, Instant dueAt, String redeliveryOf) {
    this.id = id;
    this.event = event;
    this.nextAttemptAt = dueAt;
    this.redeliveryOf = redeliveryOf;
  }

  public String id() {
    return id;
  }

  public WebhookEvent event() {
    return event;
  }

  public Status status() {
    return status;
  }

  public List<Attempt> attempts() {
    return List.copyOf(attempts);
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  boolean redeliveryOfNothing() {
    return redeliveryOf == null;
  }

  boolean dueAt(Instant now) {
    return status == Status.PENDING && !nextAttemptAt.isAfter(now);
  }

  boolean finished() {
    return status == Status.DELIVERED || status == Status.FAILED;
  }

  void sending() {
    status = Status.SENDING;
  }

  void record(Attempt attempt, WebhookOptions options) {
    attempts.add(attempt);
    if (attempt.httpStatus() >= 200 && attempt.httpStatus() < 300) {
      status = Status.DELIVERED;
    } else if (attempts.size() >= options.maxAttempts()) {
      status = Status.FAILED;
    } else {
      // Exponential backoff (webhooks page: "retried with exponential backoff"; no schedule given).
      status = Status.PENDING;
      nextAttemptAt = attempt.at().plus(options.firstBackoff().multipliedBy(1L << (attempts.size() - 1)));
    }
  }

  /** The journal's JSON view of this delivery (control API). */
  public Map<String, Object> view() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("event_id", event.id());
    v.put("event_type", event.type().wireName());
    v.put("export_uuid", event.exportUuid());
    v.put("created", event.created());
    v.put("status", status.name().toLowerCase());
    v.put("next_attempt_at", status == Status.PENDING ? nextAttemptAt.getEpochSecond() : null);
    v.put("redelivery_of", redeliveryOf);
    List<Map<String, Object>> tries = new ArrayList<>();
    for (Attempt a : attempts) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("at", a.at().getEpochSecond());
      t.put("http_status", a.httpStatus() == 0 ? null : a.httpStatus());
      t.put("error", a.error());
      tries.add(t);
    }
    v.put("attempts", tries);
    return v;
  }
}
