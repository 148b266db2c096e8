package pelcro.exports.sandbox.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.WebhookEvent;

class ExportEventsTest {
  static final Instant REQUESTED = Instant.ofEpochSecond(1690889576);

  static ExportFacts facts(ExportEventType type) {
    Instant started = type == ExportEventType.REQUESTED ? null : REQUESTED.plusSeconds(1);
    Instant finished = type == ExportEventType.REQUESTED ? null : REQUESTED.plusSeconds(3);
    String reason = type == ExportEventType.FAILED ? "The export could not be generated." : null;
    Instant updated =
        switch (type) {
          case REQUESTED -> REQUESTED;
          case COMPLETED, FAILED -> finished;
          case DOWNLOADED -> REQUESTED.plusSeconds(60);
        };
    return new ExportFacts(
        1,
        "1ee305f2-93c1-61be-96fd-0242ac110002",
        "subscriptions",
        7L,
        "owner@example.com",
        1704067200L,
        1711929600L,
        REQUESTED,
        started,
        finished,
        reason,
        updated);
  }

  @ParameterizedTest
  @EnumSource(ExportEventType.class)
  void every_event_matches_the_specs_ExportEvent_schema(ExportEventType type) throws Exception {
    WebhookEvent event =
        new ExportEvents(new Random(1)).build(type, facts(type), REQUESTED.plusSeconds(3));
    JsonNode json = new ObjectMapper().readTree(event.body());

    ValidationReport report =
        new SchemaValidator(ExportsSpec.get().model(), new MessageResolver())
            .validate(() -> json, ExportsSpec.get().schema("ExportEvent"), "event");

    assertThat(report.getMessages()).isEmpty();
    assertThat(json.get("type").asText()).isEqualTo(type.wireName());
    assertThat(json.get("id").asText()).matches("evt_[A-Za-z0-9]{24}").isEqualTo(event.id());
    assertThat(json.get("created").asLong()).isEqualTo(REQUESTED.getEpochSecond() + 3);
  }

  @ParameterizedTest
  @EnumSource(ExportEventType.class)
  void theObjectCarriesTheUnionOfTheDocumentedFields(ExportEventType type) throws Exception {
    JsonNode object =
        new ObjectMapper()
            .readTree(new ExportEvents().build(type, facts(type), REQUESTED).body())
            .at("/data/object");

    assertThat(object.get("object").asText()).isEqualTo("subscriptions");
    assertThat(object.get("type").asText()).isEqualTo("subscriptions");
    assertThat(object.get("user_email").asText()).isEqualTo("owner@example.com");
    assertThat(object.at("/filters/date_from").asLong()).isEqualTo(1704067200L);
    assertThat(object.has("failed_reason")).isTrue();
    assertThat(object.get("started_at").isNull()).isEqualTo(type == ExportEventType.REQUESTED);
  }

  @ParameterizedTest
  @EnumSource(ExportEventType.class)
  void aMismatchingPayloadWouldBeCaughtByTheSchemaCheck(ExportEventType type) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode json =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            mapper.readTree(new ExportEvents().build(type, facts(type), REQUESTED).body());
    json.put("livemode", false);

    ValidationReport report =
        new SchemaValidator(ExportsSpec.get().model(), new MessageResolver())
            .validate(() -> json, ExportsSpec.get().schema("ExportEvent"), "event");

    assertThat(report.hasErrors()).isTrue();
  }
}
