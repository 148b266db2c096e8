package pelcro.exports.sandbox.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery of one event, with its attempts: an entry of the deliveries journal, immutable; each
 * transition returns the next state, which the store keeps.
 *
 * @param id {@code whd_<n>}
 * @param dueAt when the next attempt is due, on the account's clock
 * @param sendingUntil while an attempt is in flight: when its node's claim lapses (real time, epoch
 *     ms), so another node retries a delivery whose sender died; 0 otherwise
 * @param redeliveryOf the delivery this one repeats (control API), or null
 * @param faults how a scheduled fault has it delivered ({@link Faulted#NONE}: as it should be)
 */
public record WebhookDelivery(
    String id,
    WebhookEvent event,
    Status status,
    Instant dueAt,
    long sendingUntil,
    List<Attempt> attempts,
    String redeliveryOf,
    Faulted faults) {

  /**
   * What faults do to a delivery.
   *
   * @param badSignature signed with a key other than the webhook secret
   * @param dropped never sent: every attempt fails, and it is dropped after the last
   * @param after the delivery that must finish first; {@link #AWAITING_NEXT} until the export's
   *     next event exists; null for none
   */
  public record Faulted(boolean badSignature, boolean dropped, String after) {
    public static final Faulted NONE = new Faulted(false, false, null);

    /** Held back for the export's next event, which has not happened yet. */
    public static final String AWAITING_NEXT = "next";

    public Faulted behind(String deliveryId) {
      return new Faulted(badSignature, dropped, deliveryId);
    }
  }

  /** Where a delivery stands. */
  public enum Status {
    PENDING,
    SENDING,
    DELIVERED,
    FAILED
  }

  /**
   * One attempt.
   *
   * @param at when the answer (or its absence) was seen, on the account's clock
   * @param httpStatus the receiver's status, or 0 when none came
   * @param error why no answer came, or null
   */
  public record Attempt(Instant at, int httpStatus, String error) {}

  public WebhookDelivery {
    attempts = List.copyOf(attempts);
  }

  /** A delivery of {@code event}, due at {@code dueAt}. */
  public static WebhookDelivery of(
      String id, WebhookEvent event, Instant dueAt, String redeliveryOf, Faulted faults) {
    return new WebhookDelivery(
        id, event, Status.PENDING, dueAt, 0, List.of(), redeliveryOf, faults);
  }

  /** The same delivery, held back behind another (an out-of-order fault). */
  public WebhookDelivery behind(String deliveryId) {
    return new WebhookDelivery(
        id, event, status, dueAt, sendingUntil, attempts, redeliveryOf, faults.behind(deliveryId));
  }

  /** Whether a node may start an attempt now (due, or its sender's claim lapsed). */
  public boolean dueAt(Instant accountNow, long realMillis) {
    return status == Status.PENDING && !dueAt.isAfter(accountNow)
        || status == Status.SENDING && sendingUntil <= realMillis;
  }

  public boolean finished() {
    return status == Status.DELIVERED || status == Status.FAILED;
  }

  /** A never attempted, first delivery (one the control API's end of an export may withdraw). */
  public boolean untouched() {
    return status == Status.PENDING && attempts.isEmpty() && redeliveryOf == null;
  }

  public WebhookDelivery sending(long untilRealMillis) {
    return new WebhookDelivery(
        id, event, Status.SENDING, dueAt, untilRealMillis, attempts, redeliveryOf, faults);
  }

  /**
   * The delivery after an attempt: delivered on a 2xx, failed after {@code maxAttempts}, else due
   * again after {@code firstBackoff} doubled per failure.
   */
  public WebhookDelivery recorded(Attempt attempt, int maxAttempts, Duration firstBackoff) {
    List<Attempt> tried = new ArrayList<>(attempts);
    tried.add(attempt);
    if (attempt.httpStatus() >= 200 && attempt.httpStatus() < 300) {
      return new WebhookDelivery(
          id, event, Status.DELIVERED, dueAt, 0, tried, redeliveryOf, faults);
    }
    if (tried.size() >= maxAttempts) {
      return new WebhookDelivery(id, event, Status.FAILED, dueAt, 0, tried, redeliveryOf, faults);
    }
    // Exponential backoff (webhooks page: "retried with exponential backoff"; no schedule given).
    Instant next = attempt.at().plus(firstBackoff.multipliedBy(1L << (tried.size() - 1)));
    return new WebhookDelivery(id, event, Status.PENDING, next, 0, tried, redeliveryOf, faults);
  }

  /** The journal's JSON view of this delivery (control API). */
  public Map<String, Object> view() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("event_id", event.id());
    v.put("event_type", event.type().wireName());
    v.put("export_uuid", event.exportUuid());
    v.put("account_id", event.accountId());
    v.put("created", event.created());
    v.put("status", status.name().toLowerCase());
    v.put("next_attempt_at", status == Status.PENDING ? dueAt.getEpochSecond() : null);
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
