package pelcro.exports.sandbox.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.WebhookDelivery;
import pelcro.exports.sandbox.domain.WebhookEvent;
import pelcro.exports.sandbox.faults.DeliveryFault;
import pelcro.exports.sandbox.log.ActivityLog;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.DeliveryStore;

/**
 * Delivers export events to the webhook receiver: journals each event in the store for the instant
 * it happens on its account's clock, sends it signed from a small pool once that clock reaches it,
 * and retries failures with exponential backoff on that clock.
 *
 * <p>{@link #publish} only journals, so API requests never wait for a receiver; a ticker moves due
 * deliveries to at most {@code concurrency} sender threads. The ticker only sends: no export's
 * state depends on it. Each attempt is claimed in the store first, so among nodes that share a
 * store exactly one sends it (a claim lapses if its node dies mid-attempt).
 */
public final class WebhookDispatcher implements ExportEventSink, AutoCloseable {
  /** How long an event held for its export's next event waits when no next event comes. */
  static final Duration AWAIT_NEXT = Duration.ofHours(1);

  /** Signs with a key that is not the webhook secret (a bad-signature fault). */
  private static final WebhookSigner WRONG_SIGNER = new WebhookSigner("not-the-webhook-secret");

  private final DeliveryStore store;
  private final AccountClocks clocks;
  private final InstantSource realTime;
  private final WebhookOptions options;
  private final WebhookSender sender;
  private final WebhookSigner signer;
  private final ExportEvents events;
  private final ExecutorService senders;
  private final ActivityLog log;
  private final AtomicInteger inFlight = new AtomicInteger();
  private ScheduledExecutorService ticker;

  /**
   * @param log where {@code --verbose} writes each attempt
   */
  public WebhookDispatcher(
      DeliveryStore store,
      AccountClocks clocks,
      InstantSource realTime,
      WebhookOptions options,
      WebhookSender sender,
      ExportEvents events,
      ActivityLog log) {
    this.log = log;
    this.store = store;
    this.clocks = clocks;
    this.realTime = realTime;
    this.options = options;
    this.sender = sender;
    this.events = events;
    this.signer = new WebhookSigner(options.secret());
    this.senders = Executors.newFixedThreadPool(options.concurrency(), daemon("webhook-sender"));
  }

  /** A dispatcher that POSTs over HTTP and checks for due deliveries every 50 ms. */
  public static WebhookDispatcher start(
      DeliveryStore store, AccountClocks clocks, WebhookOptions options, ActivityLog log) {
    WebhookDispatcher dispatcher =
        new WebhookDispatcher(
            store,
            clocks,
            InstantSource.system(),
            options,
            new HttpWebhookSender(options.url(), options.timeout()),
            new ExportEvents(),
            log);
    dispatcher.startTicking(Duration.ofMillis(50));
    return dispatcher;
  }

  /** Starts the background check for due deliveries. */
  public synchronized void startTicking(Duration interval) {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(daemon("webhook-ticker"));
      ticker.scheduleWithFixedDelay(
          this::pumpQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void publish(
      ExportEventType type, ExportFacts export, Instant happenedAt, DeliveryFault fault) {
    WebhookEvent event = events.build(type, export, happenedAt);
    WebhookDelivery.Faulted faulted =
        new WebhookDelivery.Faulted(
            fault.badSignature(),
            fault.dropped(),
            fault.afterNext() ? WebhookDelivery.Faulted.AWAITING_NEXT : null);
    Instant due = happenedAt.plus(fault.late());
    WebhookDelivery added = store.add(event, due, null, faulted, options.journalCapacity());
    releaseHeldBehind(added);
    if (fault.twice()) {
      store.add(event, due, null, faulted, options.journalCapacity());
    }
  }

  /**
   * A new event of an export lets the export's deliveries held back for "its next event" (an
   * out-of-order fault) go, right after this one.
   */
  private void releaseHeldBehind(WebhookDelivery next) {
    for (WebhookDelivery held : store.unfinished(Integer.MAX_VALUE)) {
      if (!held.id().equals(next.id())
          && held.event().exportUuid().equals(next.event().exportUuid())
          && WebhookDelivery.Faulted.AWAITING_NEXT.equals(held.faults().after())) {
        store.change(
            held.id(),
            d ->
                WebhookDelivery.Faulted.AWAITING_NEXT.equals(d.faults().after())
                    ? d.behind(next.id())
                    : null);
      }
    }
  }

  /**
   * Withdraws the export's scheduled, never attempted deliveries of {@code type}: the control API
   * moved the export's end (completed or failed now), so the event scheduled for its planned end
   * must not be sent.
   */
  @Override
  public Optional<DeliveryFault> withdraw(String exportUuid, ExportEventType type) {
    List<WebhookDelivery> withdrawn =
        store.withdraw(
            d ->
                d.event().exportUuid().equals(exportUuid)
                    && d.event().type() == type
                    && d.untouched());
    if (withdrawn.isEmpty()) {
      return Optional.empty();
    }
    // As publish() had it: the same event twice, due late seconds after it happened.
    WebhookDelivery first = withdrawn.get(0);
    WebhookDelivery.Faulted faulted = first.faults();
    Duration late =
        Duration.ofSeconds(Math.max(0, first.dueAt().getEpochSecond() - first.event().created()));
    return Optional.of(
        new DeliveryFault(
            withdrawn.size() > 1,
            late,
            faulted.after() != null,
            faulted.badSignature(),
            faulted.dropped()));
  }

  /** The deliveries, oldest first, as the control API shows them. */
  public List<Map<String, Object>> view() {
    return store.all().stream().map(WebhookDelivery::view).toList();
  }

  /** The deliveries, oldest first. */
  public List<WebhookDelivery> deliveries() {
    return store.all();
  }

  /** How many deliveries were dropped unfinished because the journal was full. */
  public long dropped() {
    return store.dropped();
  }

  /** Sends a delivery's event again, now, as a new delivery; empty if the id is unknown. */
  public Optional<WebhookDelivery> redeliver(String deliveryId) {
    return store
        .find(deliveryId)
        .map(
            original ->
                store.add(
                    original.event(),
                    clocks.now(original.event().accountId()),
                    deliveryId,
                    WebhookDelivery.Faulted.NONE,
                    options.journalCapacity()));
  }

  /** Starts every delivery that is due on its account's clock, as far as the pool allows. */
  public void pump() {
    long now = realTime.millis();
    for (WebhookDelivery d : store.unfinished(256)) {
      if (inFlight.get() >= options.concurrency()) {
        return;
      }
      WebhookEvent event = d.event();
      if (!d.dueAt(clocks.now(event.accountId()), now) || heldBack(d)) {
        continue;
      }
      long until = now + options.timeout().multipliedBy(2).plusSeconds(5).toMillis();
      Optional<WebhookDelivery> claimed =
          store.change(
              d.id(),
              current ->
                  current.dueAt(clocks.now(event.accountId()), now)
                      ? current.sending(until)
                      : null);
      if (claimed.isPresent()) {
        inFlight.incrementAndGet();
        try {
          senders.execute(() -> attempt(claimed.get()));
        } catch (RejectedExecutionException closed) {
          inFlight.decrementAndGet();
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (ticker != null) {
        ticker.shutdownNow();
      }
    }
    senders.shutdownNow();
  }

  /** The ticker keeps ticking whatever one round meets (a store that is briefly unreachable). */
  private void pumpQuietly() {
    try {
      pump();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(WebhookDispatcher.class.getName())
          .fine("webhook round skipped: " + e.getMessage());
    }
  }

  /**
   * Whether an out-of-order fault still holds it back: behind a delivery not finished yet, or
   * waiting for the export's next event (at most {@link #AWAIT_NEXT} past its due time, for an
   * event that is an export's last).
   */
  private boolean heldBack(WebhookDelivery d) {
    String after = d.faults().after();
    if (after == null) {
      return false;
    }
    if (WebhookDelivery.Faulted.AWAITING_NEXT.equals(after)) {
      return clocks.now(d.event().accountId()).isBefore(d.dueAt().plus(AWAIT_NEXT));
    }
    return store.find(after).map(first -> !first.finished()).orElse(false);
  }

  private void attempt(WebhookDelivery delivery) {
    byte[] body = delivery.event().body().getBytes(StandardCharsets.UTF_8);
    int status = 0;
    String error = null;
    try {
      if (delivery.faults().dropped()) {
        throw new IOException("not sent: a scheduled fault drops this event");
      }
      WebhookSigner signing = delivery.faults().badSignature() ? WRONG_SIGNER : signer;
      status = sender.send(body, signing.sign(body));
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (RuntimeException e) {
      error = e.toString();
    }
    try {
      WebhookDelivery.Attempt attempt =
          new WebhookDelivery.Attempt(clocks.now(delivery.event().accountId()), status, error);
      store
          .change(
              delivery.id(),
              current ->
                  current.status() == WebhookDelivery.Status.SENDING
                      ? current.recorded(attempt, options.maxAttempts(), options.firstBackoff())
                      : null)
          .ifPresent(this::logAttempt);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void logAttempt(WebhookDelivery d) {
    WebhookDelivery.Attempt last = d.attempts().get(d.attempts().size() - 1);
    log.webhook(
        d.event().accountId(),
        d.id(),
        d.event().type().wireName()
            + " attempt "
            + d.attempts().size()
            + ": "
            + (last.httpStatus() > 0 ? "HTTP " + last.httpStatus() : last.error())
            + " -> "
            + d.status().name().toLowerCase());
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
