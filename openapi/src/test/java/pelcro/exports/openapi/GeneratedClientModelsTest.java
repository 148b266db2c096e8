package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.client.JSON;
import pelcro.exports.openapi.model.ExportDate;
import pelcro.exports.openapi.model.ExportRequest;
import pelcro.exports.openapi.model.SubscriptionStatus;
import pelcro.exports.openapi.model.SubscriptionsExportRequest;

/**
 * The models generated from the spec stay usable for a client: a request with either date form
 * serialises to a body the spec accepts, and reads back to the same values.
 */
class GeneratedClientModelsTest {
  private static final ObjectMapper CLIENT_JSON = JSON.getDefault().getMapper();
  private static final SchemaValidator VALIDATOR =
      new SchemaValidator(ExportsSpec.get().model(), new MessageResolver());

  private static ExportRequest subscriptions(ExportDate from, ExportDate to) {
    return new ExportRequest(
        new SubscriptionsExportRequest()
            ._object(SubscriptionsExportRequest.ObjectEnum.SUBSCRIPTIONS)
            .dateFrom(from)
            .dateTo(to)
            .status(SubscriptionStatus.ACTIVE)
            .planId(456));
  }

  @Test
  void aRequestWithUnixSecondsSerialisesToNumbersTheSpecAccepts() throws Exception {
    String json =
        CLIENT_JSON.writeValueAsString(
            subscriptions(new ExportDate(1704067200L), new ExportDate(1711929600L)));

    assertThat(json)
        .contains("\"date_from\":1704067200", "\"date_to\":1711929600", "\"plan_id\":456");
    assertTheSpecAccepts(json);
  }

  @Test
  void aRequestWithIsoDatesSerialisesToStringsTheSpecAccepts() throws Exception {
    String json =
        CLIENT_JSON.writeValueAsString(
            subscriptions(new ExportDate("2024-01-01T00:00:00Z"), new ExportDate("2024-03-31")));

    assertThat(json)
        .contains("\"date_from\":\"2024-01-01T00:00:00Z\"", "\"date_to\":\"2024-03-31\"");
    assertTheSpecAccepts(json);
  }

  @Test
  void aSerialisedRequestReadsBackWithItsDateForms() throws Exception {
    String json =
        CLIENT_JSON.writeValueAsString(
            subscriptions(
                new ExportDate(1704067200L), new ExportDate("2024-04-01T00:00:00+02:00")));

    SubscriptionsExportRequest read =
        CLIENT_JSON.readValue(json, ExportRequest.class).getSubscriptionsExportRequest();

    assertThat(read.getDateFrom().getLong()).isEqualTo(1704067200L);
    assertThat(read.getDateTo().getString()).isEqualTo("2024-04-01T00:00:00+02:00");
    assertThat(read.getPlanId()).isEqualTo(456);
  }

  private static void assertTheSpecAccepts(String json) {
    assertThat(
            VALIDATOR
                .validate(json, ExportsSpec.get().schema("ExportRequest"), "body")
                .getMessages())
        .isEmpty();
  }
}
