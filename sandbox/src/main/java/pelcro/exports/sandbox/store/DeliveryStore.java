package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.domain.WebhookDelivery;
import pelcro.exports.sandbox.domain.WebhookEvent;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The webhook deliveries' journal: every delivery, scheduled, in flight or finished, oldest first,
 * bounded; the ones still to send are indexed apart so a sender only reads those. Each change is a
 * compare-and-set, so among many nodes exactly one sends each attempt.
 */
public final class DeliveryStore {
  private static final Codec<WebhookDelivery> DELIVERY = Codec.of(WebhookDelivery.class);
  private static final String PENDING = Keys.DELIVERIES + ":pending";
  private static final String DROPPED = Keys.DELIVERIES + ":dropped";

  private final StateEngine engine;

  DeliveryStore(StateEngine engine) {
    this.engine = engine;
  }

  /**
   * Journals a new delivery of {@code event}, due at {@code dueAt}. When the journal holds {@code
   * capacity} deliveries, the oldest finished one goes, or else the oldest unsent one (counted in
   * {@link #dropped}), so a dead receiver cannot exhaust the store.
   */
  public WebhookDelivery add(
      WebhookEvent event,
      java.time.Instant dueAt,
      String redeliveryOf,
      WebhookDelivery.Faulted faults,
      int capacity) {
    long sequence = engine.increment(Keys.DELIVERY_SEQUENCE, 1, null);
    WebhookDelivery delivery =
        WebhookDelivery.of("whd_" + sequence, event, dueAt, redeliveryOf, faults);
    while (engine.size(Keys.DELIVERIES) >= capacity) {
      evictOne();
    }
    engine.commit(
        new Transaction()
            .put(Keys.delivery(delivery.id()), delivery, DELIVERY)
            .index(Keys.DELIVERIES, delivery.id(), sequence)
            .index(PENDING, delivery.id(), sequence));
    return delivery;
  }

  public Optional<WebhookDelivery> find(String id) {
    return Optional.ofNullable(engine.get(Keys.delivery(id), DELIVERY).value());
  }

  /** Every delivery, oldest first. */
  public List<WebhookDelivery> all() {
    return read(engine.range(Keys.DELIVERIES, false, Integer.MAX_VALUE));
  }

  /** The deliveries not finished yet, oldest first, at most {@code limit}. */
  public List<WebhookDelivery> unfinished(int limit) {
    return read(engine.range(PENDING, false, limit));
  }

  /**
   * Changes a delivery if it still is what {@code change} expects: the change returns null to leave
   * it alone. Returns the changed delivery, or empty when it was left alone or is gone.
   */
  public Optional<WebhookDelivery> change(String id, UnaryOperator<WebhookDelivery> change) {
    return Attempts.commit(
        engine,
        () -> {
          Versioned<WebhookDelivery> read = engine.get(Keys.delivery(id), DELIVERY);
          WebhookDelivery next = read.present() ? change.apply(read.value()) : null;
          Transaction tx = new Transaction().expect(Keys.delivery(id), read);
          if (next != null) {
            tx.put(Keys.delivery(id), next, DELIVERY);
            if (next.finished()) {
              tx.unindex(PENDING, id);
            }
          }
          return new Attempts.Step<>(tx, Optional.ofNullable(next));
        });
  }

  /** Deletes the unfinished deliveries that match (the control API moved an export's end). */
  public List<WebhookDelivery> withdraw(Predicate<WebhookDelivery> which) {
    List<WebhookDelivery> withdrawn = new ArrayList<>();
    for (WebhookDelivery d : unfinished(Integer.MAX_VALUE)) {
      if (which.test(d)) {
        Versioned<WebhookDelivery> read = engine.get(Keys.delivery(d.id()), DELIVERY);
        if (read.present()
            && which.test(read.value())
            && engine.commit(
                new Transaction()
                    .expect(Keys.delivery(d.id()), read)
                    .delete(Keys.delivery(d.id()))
                    .unindex(PENDING, d.id())
                    .unindex(Keys.DELIVERIES, d.id()))) {
          withdrawn.add(read.value());
        }
      }
    }
    return withdrawn;
  }

  /** How many unsent deliveries were dropped because the journal was full. */
  public long dropped() {
    return engine.counter(DROPPED);
  }

  private void evictOne() {
    List<String> oldest = engine.range(Keys.DELIVERIES, false, 64);
    for (String id : oldest) {
      Versioned<WebhookDelivery> d = engine.get(Keys.delivery(id), DELIVERY);
      if (!d.present() || d.value().finished()) {
        remove(id, d);
        return;
      }
    }
    if (!oldest.isEmpty()) {
      remove(oldest.get(0), engine.get(Keys.delivery(oldest.get(0)), DELIVERY));
      engine.increment(DROPPED, 1, null);
    }
  }

  private void remove(String id, Versioned<WebhookDelivery> read) {
    engine.commit(
        new Transaction()
            .expect(Keys.delivery(id), read)
            .delete(Keys.delivery(id))
            .unindex(Keys.DELIVERIES, id)
            .unindex(PENDING, id));
  }

  private List<WebhookDelivery> read(List<String> ids) {
    List<WebhookDelivery> deliveries = new ArrayList<>();
    ids.forEach(id -> find(id).ifPresent(deliveries::add));
    return deliveries;
  }
}
