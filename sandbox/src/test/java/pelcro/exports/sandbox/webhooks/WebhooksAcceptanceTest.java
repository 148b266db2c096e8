package pelcro.exports.sandbox.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.PlainHttp;

class WebhooksAcceptanceTest {
  static final String SECRET = "whsec_acceptance";
  static final String BODY = PlainHttp.DOCS_BODY;
  static final Clock FROZEN = pelcro.exports.sandbox.tryit.support.TestClocks.JUNE_2024;
  private final ObjectMapper json = new ObjectMapper();
  @AutoClose private Receiver receiver;
  @AutoClose private Sandbox sandbox;

  private Sandbox start(URI url) {
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(2)
            .rateLimit(0)
            .clock(FROZEN)
            .webhook(url, SECRET)
            .webhookMaxAttempts(4)
            .start();
    return sandbox;
  }

  private String queue(String type) {
    return PlainHttp.queueExport(
        sandbox, "sk_test_enterprise", BODY.replace("subscriptions", type));
  }

  private JsonNode event(int index) throws Exception {
    return json.readTree(receiver.received.get(index).body());
  }

  @Test
  void theLifecycleIsDeliveredSignedInTheDocumentedEnvelopeAtTheSandboxClocksMoments()
      throws Exception {
    receiver = new Receiver(() -> 200, 0);
    start(receiver.url());
    long requestedAt = FROZEN.instant().getEpochSecond();

    String uuid = queue("subscriptions");
    await().until(() -> receiver.received.size() == 1);
    sandbox.clock().advance(Duration.ofSeconds(2));
    await().until(() -> receiver.received.size() == 2);
    sandbox.clock().advance(Duration.ofSeconds(10));
    PlainHttp.get(sandbox, "sk_test_enterprise", "/exports/" + uuid + "?site_id=1001")
        .then()
        .statusCode(200);
    await().until(() -> receiver.received.size() == 3);

    assertThat(List.of(event(0), event(1), event(2)))
        .extracting(e -> e.get("type").asText())
        .containsExactly("export.requested", "export.completed", "export.downloaded");
    assertThat(event(0).get("created").asLong()).isEqualTo(requestedAt);
    assertThat(event(1).get("created").asLong()).isEqualTo(requestedAt + 2);
    assertThat(event(1).at("/data/object/finished_at").asLong()).isEqualTo(requestedAt + 2);
    assertThat(event(2).get("created").asLong()).isEqualTo(requestedAt + 12);
    assertThat(event(2).at("/data/object/updated_at").asLong()).isEqualTo(requestedAt + 12);
    for (int i = 0; i < 3; i++) {
      Receiver.Received got = receiver.received.get(i);
      assertThat(got.signature())
          .isEqualTo(new WebhookSigner(SECRET).sign(got.body().getBytes(StandardCharsets.UTF_8)));
      JsonNode node = event(i);
      assertThat(
              new SchemaValidator(ExportsSpec.get().model(), new MessageResolver())
                  .validate(() -> node, ExportsSpec.get().schema("ExportEvent"), "event")
                  .getMessages())
          .isEmpty();
      assertThat(node.at("/data/object/uuid").asText()).isEqualTo(uuid);
      assertThat(node.at("/data/object/user_email").asText()).isEqualTo("owner@enterprise.example");
    }
  }

  @Test
  void aFailedExportIsDeliveredAsExportFailedAndNotAsCompleted() throws Exception {
    receiver = new Receiver(() -> 200, 0);
    start(receiver.url());
    String uuid = queue("invoices");
    await().until(() -> receiver.received.size() == 1);

    given()
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"Disk full\"}")
        .when()
        .post(sandbox.controlUrl() + "/exports/" + uuid + "/fail")
        .then()
        .statusCode(200);
    await().until(() -> receiver.received.size() == 2);
    sandbox.clock().advance(Duration.ofSeconds(10));

    // The completed event planned for the job's end was withdrawn: nothing is left to send.
    assertThat(deliveries(sandbox))
        .extracting(d -> d.get("event_type"))
        .containsExactly("export.requested", "export.failed");
    assertThat(receiver.received).hasSize(2);
    assertThat(event(1).get("type").asText()).isEqualTo("export.failed");
    assertThat(event(1).at("/data/object/failed_reason").asText()).isEqualTo("Disk full");
  }

  @Test
  void theControlApiListsDeliveriesWithRetriesAndRedeliversOne() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    receiver = new Receiver(() -> calls.incrementAndGet() == 1 ? 500 : 204, 0);
    start(receiver.url());
    queue("payments");
    await().until(() -> receiver.calls.get() == 1);
    await().until(() -> "pending".equals(deliveries(sandbox).get(0).get("status")));
    assertThat(deliveries(sandbox).get(0).get("next_attempt_at"))
        .isEqualTo((int) FROZEN.instant().getEpochSecond() + 1);

    sandbox.clock().advance(Duration.ofSeconds(1));
    await().until(() -> "delivered".equals(deliveries(sandbox).get(0).get("status")));
    Map<String, Object> first = deliveries(sandbox).get(0);
    assertThat((List<?>) first.get("attempts")).hasSize(2);

    Map<String, Object> again =
        given()
            .when()
            .post(sandbox.controlUrl() + "/webhooks/deliveries/" + first.get("id") + "/redeliver")
            .then()
            .statusCode(200)
            .extract()
            .as(Map.class);
    assertThat(again.get("redelivery_of")).isEqualTo(first.get("id"));
    await().until(() -> receiver.calls.get() == 3);
    assertThat(receiver.received.get(2).body()).isEqualTo(receiver.received.get(0).body());
    given()
        .when()
        .post(sandbox.controlUrl() + "/webhooks/deliveries/whd_404/redeliver")
        .then()
        .statusCode(404);
  }

  @Test
  void aHangingReceiverDoesNotSlowApiRequests() throws Exception {
    receiver = new Receiver(() -> 200, 20_000);
    start(receiver.url());
    List<String> types =
        List.of(
            "memberships",
            "invoices",
            "payments",
            "refunds",
            "customers",
            "customers_metadata",
            "newsletters",
            "addresses",
            "orders");
    queue("subscriptions"); // warms the sandbox up; its delivery now hangs one sender
    await().until(() -> receiver.calls.get() == 1);

    for (String type : types) {
      queue(type);
    }

    // Every request was answered while the receiver still held its first delivery (it hangs
    // 20 s): API requests never wait for a receiver.
    assertThat(receiver.answered.get()).isZero();
    assertThat(deliveries(sandbox)).hasSize(20);
    assertThat(receiver.calls.get()).isLessThanOrEqualTo(2);
  }

  /** The control API's record of the webhook deliveries. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> deliveries(Sandbox sandbox) {
    return given()
        .when()
        .get(sandbox.controlUrl() + "/webhooks/deliveries")
        .then()
        .statusCode(200)
        .extract()
        .path("data");
  }
}
