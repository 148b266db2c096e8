package pelcro.exports.sandbox.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.junit.SandboxFaults;
import pelcro.exports.sandbox.junit.SandboxHandle;
import pelcro.exports.sandbox.support.PlainHttp;

/**
 * The five webhook faults, through the real path: scheduled through the control API or {@code
 * sandbox.faults()}, struck by an export request, delivered over HTTP to a receiver on 127.0.0.1,
 * on the sandbox clock.
 */
class WebhookFaultsAcceptanceTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String SECRET = WebhooksAcceptanceTest.SECRET;
  private static final long T0 = WebhooksAcceptanceTest.FROZEN.instant().getEpochSecond();
  private final ObjectMapper json = new ObjectMapper();
  @AutoClose private Receiver receiver;
  @AutoClose private Sandbox sandbox;

  private void start() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(2)
            .rateLimit(0)
            .clock(WebhooksAcceptanceTest.FROZEN)
            .webhook(receiver.url(), SECRET)
            .webhookMaxAttempts(3)
            .start();
  }

  private SandboxFaults faults() {
    return new SandboxHandle(sandbox).faults();
  }

  private void schedule(String fault) {
    given()
        .baseUri(sandbox.controlUrl())
        .contentType(ContentType.JSON)
        .body(fault)
        .post("/faults")
        .then()
        .statusCode(200);
  }

  private String queue() {
    return PlainHttp.queueExport(sandbox, "sk_test_enterprise", WebhooksAcceptanceTest.BODY);
  }

  private JsonNode event(int index) throws Exception {
    return json.readTree(receiver.received.get(index).body());
  }

  private List<String> receivedTypes() throws Exception {
    List<String> types = new java.util.ArrayList<>();
    for (int i = 0; i < receiver.received.size(); i++) {
      types.add(event(i).get("type").asText());
    }
    return types;
  }

  private Map<String, Object> delivery(String eventType) {
    return WebhooksAcceptanceTest.deliveries(sandbox).stream()
        .filter(d -> eventType.equals(d.get("event_type")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aDuplicatedEventIsDeliveredTwiceWithTheSameEventId() throws Exception {
    start();
    faults().duplicateWebhooks("export.requested", 1);

    queue();

    await().atMost(WAIT).until(() -> receiver.received.size() == 2);
    assertThat(receivedTypes()).containsExactly("export.requested", "export.requested");
    assertThat(event(1).get("id").asText()).isEqualTo(event(0).get("id").asText());
    assertThat(receiver.received.get(1).body()).isEqualTo(receiver.received.get(0).body());
    sandbox.clock().advance(Duration.ofSeconds(2)); // struck once: the next event comes once
    await().atMost(WAIT).until(() -> receiver.received.size() == 3);
    assertThat(event(2).get("type").asText()).isEqualTo("export.completed");
  }

  @Test
  void aLateEventWaitsForItsDelayOnTheSandboxClockThenArrives() throws Exception {
    start();
    faults().delayWebhooks("export.requested", 1, 30);

    queue();
    assertThat(delivery("export.requested").get("next_attempt_at")).isEqualTo((int) T0 + 30);
    sandbox.clock().advance(Duration.ofSeconds(29));
    // export.completed (due at T0 + 2) arrives after the clock moved to T0 + 29: every round of
    // the dispatcher since then saw the late event not yet due.
    await().atMost(WAIT).until(() -> receiver.received.size() == 1);
    assertThat(receivedTypes()).containsExactly("export.completed");

    sandbox.clock().advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> receiver.received.size() == 2);
    assertThat(event(1).get("type").asText()).isEqualTo("export.requested");
    assertThat(event(1).get("created").asLong()).isEqualTo(T0); // it happened on time
    await()
        .atMost(WAIT)
        .until(() -> "delivered".equals(delivery("export.requested").get("status")));
    assertThat(attempts(delivery("export.requested")))
        .singleElement()
        .satisfies(a -> assertThat(a.get("at")).isEqualTo((int) T0 + 30));
  }

  @Test
  void anOutOfOrderEventArrivesAfterTheExportsNextEvent() throws Exception {
    start();
    schedule("{\"kind\":\"webhook_out_of_order\",\"event\":\"export.requested\",\"times\":1}");

    queue();
    sandbox.clock().advance(Duration.ofSeconds(2));

    await().atMost(WAIT).until(() -> receiver.received.size() == 2);
    assertThat(receivedTypes()).containsExactly("export.completed", "export.requested");
    assertThat(event(1).get("created").asLong()).isEqualTo(T0);
    assertThat(event(0).get("created").asLong()).isEqualTo(T0 + 2);
  }

  @Test
  void anEventWithABadSignatureFailsTheHmacCheckWithTheSecret() throws Exception {
    start();
    schedule("{\"kind\":\"webhook_bad_signature\",\"event\":\"export.requested\",\"times\":1}");
    WebhookSigner withTheSecret = new WebhookSigner(SECRET);

    queue();
    await().atMost(WAIT).until(() -> receiver.received.size() == 1);
    Receiver.Received forged = receiver.received.get(0);
    assertThat(forged.signature())
        .isNotBlank()
        .isNotEqualTo(withTheSecret.sign(forged.body().getBytes(StandardCharsets.UTF_8)));

    sandbox.clock().advance(Duration.ofSeconds(2)); // struck once: the next event is signed right
    await().atMost(WAIT).until(() -> receiver.received.size() == 2);
    Receiver.Received genuine = receiver.received.get(1);
    assertThat(genuine.signature())
        .isEqualTo(withTheSecret.sign(genuine.body().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDroppedEventFailsEveryAttemptAndIsMarkedFailedAfterTheLast() throws Exception {
    start();
    schedule("{\"kind\":\"webhook_dropped\",\"event\":\"export.requested\",\"times\":1}");

    queue();
    for (int tried = 1; tried <= 3; tried++) {
      int attempts = tried;
      await()
          .atMost(WAIT)
          .until(
              () ->
                  attempts(delivery("export.requested")).size() == attempts
                      && !"sending".equals(delivery("export.requested").get("status")));
      sandbox.clock().advance(Duration.ofSeconds(10)); // past any backoff
    }

    await().atMost(WAIT).until(() -> "failed".equals(delivery("export.requested").get("status")));
    assertThat(attempts(delivery("export.requested")))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.get("error")).asString().isNotBlank());
    await()
        .atMost(WAIT)
        .until(() -> "delivered".equals(delivery("export.completed").get("status")));
    assertThat(receivedTypes())
        .containsExactly("export.completed"); // it never reached the receiver
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
    return (List<Map<String, Object>>) delivery.get("attempts");
  }
}
