package pelcro.exports.sandbox.webhooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers export events to the webhook receiver: schedules each event for the sandbox-clock
 * instant it happens, sends it signed from a small pool, retries failures with exponential
 * backoff on the sandbox clock, and keeps a bounded journal of deliveries for the control API.
 *
 * <p>{@link #publish} only appends to the journal, so API requests never wait for a receiver;
 * a ticker thread moves due deliveries to at most {@code concurrency} sender threads. The journal
 * holds at most {@code journalCapacity} deliveries: when full, the oldest finished one is
 * dropped, or else the oldest waiting one (counted in {@link #dropped()}), so a slow or dead
 * receiver cannot exhaust memory.
 */
public final class WebhookDispatcher implements ExportEventSink, AutoCloseable {
  private final InstantSource clock;
  private final WebhookOptions options;
  private final WebhookSender sender;
  private final WebhookSigner signer;
  private final ExportEvents events;
  private final Map<String, WebhookDelivery> journal = new LinkedHashMap<>();
  private final ExecutorService senders;
  private ScheduledExecutorService ticker;
  private long sequence;
  private long dropped;
  private int inFlight;

  public WebhookDispatcher(InstantSource clock, WebhookOptions options, WebhookSender sender,
      ExportEvents events) {
    this.clock = clock;
    this.options = options;
    this.sender = sender;
    this.events = events;
    this.signer = new WebhookSigner(options.secret());
    this.senders = Executors.newFixedThreadPool(options.concurrency(), daemon("webhook-sender"));
  }

  /** A dispatcher that POSTs over HTTP and checks for due deliveries every 50 ms. */
  public static WebhookDispatcher start(InstantSource clock, WebhookOptions options) {
    WebhookDispatcher dispatcher = new WebhookDispatcher(clock, options,
        new HttpWebhookSender(options.url(), options.timeout()), new ExportEvents());
    dispatcher.startTicking(Duration.ofMillis(50));
    return dispatcher;
  }

  /** Starts the background check for due deliveries. */
  public synchronized void startTicking(Duration interval) {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(daemon("webhook-ticker"));
      ticker.scheduleWithFixedDelay(this::pump, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void publish(ExportEventType type, ExportFacts export, Instant happenedAt) {
    WebhookEvent event = events.build(type, export, happenedAt);
    synchronized (this) {
      add(event, happenedAt, null);
    }
  }

  /**
   * Withdraws the export's scheduled, never attempted deliveries of {@code type}: the control
   * API moved the export's end (completed or failed now), so the event scheduled for its planned
   * end must not be sent.
   */
  @Override
  public synchronized void withdraw(String exportUuid, ExportEventType type) {
    journal.values().removeIf(d -> d.event().exportUuid().equals(exportUuid)
        && d.event().type() == type && d.status() == WebhookDelivery.Status.PENDING
        && d.attempts().isEmpty() && d.redeliveryOfNothing());
  }

  /** The deliveries, oldest first, as the control API shows them. */
  public synchronized List<Map<String, Object>> view() {
    List<Map<String, Object>> views = new ArrayList<>();
    journal.values().forEach(d -> views.add(d.view()));
    return views;
  }

  /** The deliveries, oldest first. */
  public synchronized List<WebhookDelivery> deliveries() {
    return List.copyOf(journal.values());
  }

  /** How many deliveries were dropped unfinished because the journal was full. */
  public synchronized long dropped() {
    return dropped;
  }

  /** Sends a delivery's event again, now, as a new delivery; empty if the id is unknown. */
  public synchronized Optional<WebhookDelivery> redeliver(String deliveryId) {
    WebhookDelivery original = journal.get(deliveryId);
    if (original == null) {
      return Optional.empty();
    }
    return Optional.of(add(original.event(), clock.instant(), deliveryId));
  }

  /** Starts every delivery that is due at the clock's present, as far as the pool allows. */
  public void pump() {
    List<WebhookDelivery> due = new ArrayList<>();
    synchronized (this) {
      Instant now = clock.instant();
      for (WebhookDelivery d : journal.values()) {
        if (inFlight >= options.concurrency()) {
          break;
        }
        if (d.dueAt(now)) {
          d.sending();
          inFlight++;
          due.add(d);
        }
      }
    }
    for (WebhookDelivery d : due) {
      try {
        senders.execute(() -> attempt(d));
      } catch (RejectedExecutionException closed) {
        return;
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

  private void attempt(WebhookDelivery delivery) {
    byte[] body = delivery.event().body().getBytes(StandardCharsets.UTF_8);
    int status = 0;
    String error = null;
    try {
      status = sender.send(body, signer.sign(body));
    } catch (IOException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } catch (RuntimeException e) {
      error = e.toString();
    }
    synchronized (this) {
      inFlight--;
      delivery.record(new WebhookDelivery.Attempt(clock.instant(), status, error), options);
    }
  }

  private WebhookDelivery add(WebhookEvent event, Instant dueAt, String redeliveryOf) {
    while (journal.size() >= options.journalCapacity()) {
      evictOne();
    }
    WebhookDelivery delivery = new WebhookDelivery("whd_" + (++sequence), event, dueAt, redeliveryOf);
    journal.put(delivery.id(), delivery);
    return delivery;
  }

  private void evictOne() {
    for (Iterator<WebhookDelivery> it = journal.values().iterator(); it.hasNext(); ) {
      if (it.next().finished()) {
        it.remove();
        return;
      }
    }
    Iterator<WebhookDelivery> oldest = journal.values().iterator();
    oldest.next();
    oldest.remove();
    dropped++;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
