package pelcro.exports.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.WebhookDelivery;
import pelcro.exports.sandbox.domain.WebhookDelivery.Status;
import pelcro.exports.sandbox.faults.DeliveryFault;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.memory.MemoryEngine;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

class WebhookDispatcherTest {
  private final ManualInstantSource clock = new ManualInstantSource(ExportEventsTest.REQUESTED);
  private final SandboxState state = new SandboxState(new MemoryEngine(), clock);
  @AutoClose private Receiver receiver;
  @AutoClose private WebhookDispatcher dispatcher;

  private WebhookDispatcher dispatcher(WebhookOptions options) {
    untickedDispatcher(options).startTicking(Duration.ofMillis(10));
    return dispatcher;
  }

  /** A dispatcher that sends only when the test calls {@link WebhookDispatcher#pump()}. */
  private WebhookDispatcher untickedDispatcher(WebhookOptions options) {
    dispatcher =
        new WebhookDispatcher(
            state.deliveries(),
            state.clocks(),
            java.time.InstantSource.system(),
            options,
            new HttpWebhookSender(options.url(), options.timeout()),
            new ExportEvents(),
            pelcro.exports.sandbox.log.ActivityLog.QUIET);
    return dispatcher;
  }

  /** Publishes the fixture export's {@code type} event, due now, without a fault. */
  private void publish(ExportEventType type) {
    publish(type, clock.instant());
  }

  /** Publishes the fixture export's {@code type} event, due {@code at}, without a fault. */
  private void publish(ExportEventType type, Instant at) {
    dispatcher.publish(type, ExportEventsTest.facts(type), at, DeliveryFault.NONE);
  }

  /**
   * After a tick, the only delivery's {@code attempt}th attempt was sent and failed, and the next
   * one waits {@code backoffSeconds} on the sandbox clock.
   */
  private void assertAttemptFailsAndWaits(int attempt, long backoffSeconds) {
    dispatcher.pump();
    await().until(() -> receiver.calls.get() == attempt);
    await().until(() -> dispatcher.deliveries().get(0).status() == Status.PENDING);
    assertThat(dispatcher.view().get(0).get("next_attempt_at"))
        .isEqualTo(clock.instant().getEpochSecond() + backoffSeconds);
  }

  /** After a tick, the only delivery is still waiting: that tick started no attempt. */
  private void aTickSendsNothing() {
    dispatcher.pump();
    WebhookDelivery only = dispatcher.deliveries().get(0);
    assertThat(only.status()).isEqualTo(Status.PENDING);
  }

  @Test
  void eachDeliveryIsSignedWithTheHmacOfItsRawBody() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    dispatcher(WebhookOptions.of(receiver.url(), "whsec_test"));

    publish(ExportEventType.REQUESTED);

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received.size() == 1);
    Receiver.Received got = receiver.received.get(0);
    assertThat(got.signature())
        .isEqualTo(
            new WebhookSigner("whsec_test").sign(got.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(got.body()).startsWith("{\"type\":\"export.requested\",\"id\":\"evt_");
    await().until(() -> dispatcher.deliveries().get(0).status() == Status.DELIVERED);
  }

  @Test
  void anEventInTheFutureIsSentWhenTheSandboxClockReachesIt() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    untickedDispatcher(WebhookOptions.of(receiver.url(), "s"));
    Instant finishes = clock.instant().plusSeconds(3);

    publish(ExportEventType.COMPLETED, finishes);
    aTickSendsNothing();
    assertThat(dispatcher.deliveries().get(0).attempts()).isEmpty();

    clock.advance(Duration.ofSeconds(3));
    dispatcher.pump();
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received.size() == 1);
    assertThat(receiver.received.get(0).body())
        .contains("\"created\":" + finishes.getEpochSecond());
  }

  @Test
  void aNon2xxAnswerIsRetriedWithExponentialBackoffOnTheSandboxClock() throws Exception {
    Iterator<Integer> answers = List.of(500, 503, 200).iterator();
    receiver = new Receiver(answers::next, 0);
    untickedDispatcher(WebhookOptions.of(receiver.url(), "s"));

    publish(ExportEventType.REQUESTED);
    assertAttemptFailsAndWaits(1, 1);

    clock.advance(Duration.ofSeconds(1));
    assertAttemptFailsAndWaits(2, 2);
    clock.advance(Duration.ofSeconds(1));
    aTickSendsNothing();
    assertThat(receiver.calls.get()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1));
    dispatcher.pump();
    await().until(() -> dispatcher.deliveries().get(0).status() == Status.DELIVERED);
    assertThat(dispatcher.deliveries().get(0).attempts())
        .extracting(WebhookDelivery.Attempt::httpStatus)
        .containsExactly(500, 503, 200);
  }

  @Test
  void retriesStopAtTheBoundAndTheDeliveryIsMarkedFailed() throws Exception {
    receiver = new Receiver(() -> 500, 0);
    dispatcher(WebhookOptions.of(receiver.url(), "s").withRetries(3, Duration.ofSeconds(1)));

    publish(ExportEventType.FAILED);
    for (int i = 0; i < 6; i++) {
      int before = receiver.calls.get();
      await()
          .until(
              () ->
                  dispatcher.deliveries().get(0).status() != Status.SENDING
                      && receiver.calls.get() >= Math.min(before + 1, 3));
      clock.advance(Duration.ofSeconds(10));
    }
    await().until(() -> dispatcher.deliveries().get(0).status() == Status.FAILED);
    assertThat(receiver.calls.get()).isEqualTo(3);
  }

  @Test
  void aDeadReceiverIsRecordedAsAnAttemptWithoutStatus() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    java.net.URI dead = receiver.url();
    receiver.close();
    receiver = null;
    dispatcher(WebhookOptions.of(dead, "s").withRetries(1, Duration.ofSeconds(1)));

    publish(ExportEventType.REQUESTED);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> dispatcher.deliveries().get(0).status() == Status.FAILED);
    assertThat(dispatcher.view().get(0).get("attempts").toString())
        .contains("http_status=null", "error=");
  }

  @Test
  void aHangingReceiverNeitherBlocksPublishingNorGrowsMemoryPastTheJournal() throws Exception {
    receiver = new Receiver(() -> 200, 5_000);
    dispatcher(
        WebhookOptions.of(receiver.url(), "s")
            .withJournalCapacity(100)
            .withTimeout(Duration.ofSeconds(2)));

    long started = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      publish(ExportEventType.REQUESTED);
    }
    long timeoutsElapsed = Duration.ofNanos(System.nanoTime() - started).toSeconds() / 2;

    // All published while the receiver (5 s per call) had answered nothing: publishing never
    // waits for a receiver.
    assertThat(receiver.answered.get()).isZero();
    assertThat(dispatcher.deliveries()).hasSizeLessThanOrEqualTo(100);
    assertThat(dispatcher.dropped()).isGreaterThanOrEqualTo(9_900 - 2);
    // At most two deliveries in flight, each given up after its 2 s timeout (a loaded machine
    // may take longer than one timeout to publish all 10,000).
    assertThat(receiver.calls.get()).isLessThanOrEqualTo(2 * (1 + (int) timeoutsElapsed));
  }

  @Test
  void aDeliveryCanBeRedeliveredAsANewDeliveryOfTheSameEvent() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    dispatcher(WebhookOptions.of(receiver.url(), "s"));
    publish(ExportEventType.DOWNLOADED);
    await().until(() -> receiver.received.size() == 1);
    String firstId = dispatcher.deliveries().get(0).id();

    WebhookDelivery again = dispatcher.redeliver(firstId).orElseThrow();

    await().until(() -> receiver.received.size() == 2);
    assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
    assertThat(again.view()).containsEntry("redelivery_of", firstId);
    assertThat(dispatcher.redeliver("whd_unknown")).isEmpty();
  }

  @Test
  void aWithdrawnScheduledEventIsNeverSent() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    untickedDispatcher(WebhookOptions.of(receiver.url(), "s"));
    ExportFacts facts = ExportEventsTest.facts(ExportEventType.COMPLETED);
    dispatcher.publish(
        ExportEventType.COMPLETED, facts, clock.instant().plusSeconds(3), DeliveryFault.NONE);

    dispatcher.withdraw(facts.uuid(), ExportEventType.COMPLETED);
    clock.advance(Duration.ofSeconds(5));
    dispatcher.pump();

    assertThat(dispatcher.deliveries()).isEmpty();
    assertThat(receiver.calls.get()).isZero();
  }
}
