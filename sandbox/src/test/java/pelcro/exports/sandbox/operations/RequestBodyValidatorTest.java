package pelcro.exports.sandbox.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pelcro.exports.sandbox.domain.ApiException;

class RequestBodyValidatorTest {
  private static final RequestBodyValidator VALIDATOR = new RequestBodyValidator();
  private static final RequestBodyValidator STRICT = new RequestBodyValidator(true);
  private static final String NOT_A_DATE_FROM =
      "The date from must be Unix seconds or a date-time"
          + " such as 2024-01-01T00:00:00Z (RFC 3339, years 1970 to 4999).";

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  private static Map<String, List<String>> errors(String body) throws Exception {
    return errors(VALIDATOR, body);
  }

  private static Map<String, List<String>> errors(RequestBodyValidator validator, String body)
      throws Exception {
    JsonNode node = json(body);
    try {
      validator.validate(node);
    } catch (ApiException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void refusesNumbersBeyondADoubleAsFieldErrorsNeverAFailure() throws Exception {
    // Jackson reads 1e999 as infinity; the attack run found it answered 500 in an enum field.
    Map<String, List<String>> errors =
        errors(
            "{\"object\":\"orders\",\"status\":1e999,"
                + "\"date_from\":-1e999,\"date_to\":1e999,\"site_id\":1e999}");
    assertThat(errors).containsKeys("status", "date_from", "date_to", "site_id");
    assertThat(errors(STRICT, "{\"object\":\"accounting\",\"month\":1e999,\"currency\":-1e999}"))
        .containsKeys("month", "currency");
  }

  @Test
  void keepsTheFiltersAndTheCanonicalType() throws Exception {
    ValidRequest request =
        VALIDATOR.validate(
            json(
                "{\"object\":\"credit_note\",\"date_from\":1,\"date_to\":2,\"currency\":\"eur\","
                    + "\"site_id\":1002}"));
    assertThat(request.type()).isEqualTo("credit_notes");
    assertThat(request.bodySiteId()).isEqualTo(1002L);
    assertThat(request.filters())
        .containsEntry("date_from", 1L)
        .containsEntry("currency", "eur")
        .doesNotContainKeys("object", "site_id");
  }

  @Test
  void namesEveryWrongFieldAtOnce() throws Exception {
    assertThat(
            errors(
                "{\"object\":\"payments\",\"date_from\":\"x\",\"status\":\"won\","
                    + "\"currency\":\"USD\",\"category\":\"card\",\"colour\":\"red\"}"))
        .containsOnlyKeys("date_from", "date_to", "status", "currency", "category")
        .containsEntry("date_from", List.of(NOT_A_DATE_FROM))
        .containsEntry("date_to", List.of("The date to field is required."))
        .containsEntry("status", List.of("The selected status is invalid."))
        .containsEntry("currency", List.of("The currency must be a lowercase 3-letter code."))
        .containsEntry("category", List.of("The selected category is invalid."));
  }

  @Test
  void strictlyAlsoNamesFieldsTheTypeDoesNotTake() throws Exception {
    assertThat(
            errors(
                STRICT,
                "{\"object\":\"payments\",\"date_from\":1,\"date_to\":2,"
                    + "\"colour\":\"red\",\"plan_id\":5}"))
        .containsEntry("colour", List.of("The colour field is not allowed for payments exports."))
        .containsEntry(
            "plan_id", List.of("The plan id field is not allowed for payments exports."));
  }

  @Test
  void ignoresFieldsTheTypeDoesNotTake() throws Exception {
    ValidRequest request =
        VALIDATOR.validate(
            json(
                "{\"object\":\"subscriptions\","
                    + "\"date_from\":1704067200,\"date_to\":1711929600,\"currency\":\"usd\",\"foo\":1}"));

    assertThat(request.filters()).containsOnlyKeys("date_from", "date_to");
  }

  @Test
  void readsNumericStringsAsIntegersUnlessStrict() throws Exception {
    String body =
        "{\"object\":\"memberships\",\"date_from\":\"1704067200\","
            + "\"date_to\":1711929600,\"plan_id\":\"456\",\"site_id\":\"1002\"}";

    ValidRequest request = VALIDATOR.validate(json(body));

    assertThat(request.filters())
        .containsEntry("plan_id", 456L)
        .containsEntry("date_from", 1704067200L);
    assertThat(request.bodySiteId()).isEqualTo(1002L);
    assertThat(errors(STRICT, body))
        .containsOnlyKeys("plan_id", "site_id")
        .containsEntry("plan_id", List.of("The plan id must be an integer."));
  }

  @Test
  void readsANumberWithAZeroFractionAsThatIntegerUnlessStrictButNeverAFraction() throws Exception {
    String body =
        "{\"object\":\"memberships\",\"date_from\":1704067200,"
            + "\"date_to\":1711929600,\"plan_id\":456.0,\"site_id\":1002.00}";
    ValidRequest request = VALIDATOR.validate(json(body));
    assertThat(request.filters()).containsEntry("plan_id", 456L);
    assertThat(request.bodySiteId()).isEqualTo(1002L);
    assertThat(
            VALIDATOR
                .validate(
                    json(
                        "{\"object\":\"campaign_reports\",\"date_from\":1,"
                            + "\"date_to\":2,\"id\":7e1}"))
                .filters())
        .containsEntry("id", 70L);
    assertThat(errors(STRICT, body))
        .containsOnlyKeys("plan_id", "site_id")
        .containsEntry("plan_id", List.of("The plan id must be an integer."));
    assertThat(errors(body.replace("456.0", "456.5")))
        .containsOnlyKeys("plan_id")
        .containsEntry("plan_id", List.of("The plan id must be an integer."));
  }

  @Test
  void readsIsoDatesAsEpochSeconds() throws Exception {
    ValidRequest request =
        VALIDATOR.validate(
            json(
                "{\"object\":\"customers\","
                    + "\"date_from\":\"2024-01-01\",\"date_to\":\"2024-04-01T02:00:00+02:00\"}"));

    assertThat(request.filters())
        .containsEntry("date_from", 1704067200L)
        .containsEntry("date_to", 1711929600L);
    assertThat(
            STRICT
                .validate(
                    json(
                        "{\"object\":\"customers\","
                            + "\"date_from\":\"2024-01-01T00:00:00Z\",\"date_to\":\"1711929600\"}"))
                .filters())
        .containsEntry("date_from", 1704067200L)
        .containsEntry("date_to", 1711929600L);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-01-01t00:00:00z | 1704067200",
        "2024-01-01T00:00:00z | 1704067200",
        "2024-01-01 00:00:00Z | 1704067200",
        "2024-01-01T00:00:00 | 1704067200",
        "2024-01-01T02:00:00+0200 | 1704067200",
        "2024-01-01T02:00:00+02 | 1704067200",
        "2023-12-31T19:00:00-05:00 | 1704067200",
        "2024-01-01T00:00:00,75Z | 1704067200",
        "2024-01-01T00:00:00.5-00:00 | 1704067200",
        "2016-12-31T23:59:60Z | 1483228800",
        "2016-12-31t23:59:60.5z | 1483228800",
        "2017-01-01T01:59:60+02:00 | 1483228800",
      })
  void readsDateTimesAsRfc3339AndIso8601WriteThemInEveryMode(String text, long seconds)
      throws Exception {
    String body =
        "{\"object\":\"customers\",\"date_from\":\"" + text + "\",\"date_to\":\"2024-02-01\"}";
    assertThat(VALIDATOR.validate(json(body)).filters()).containsEntry("date_from", seconds);
    assertThat(STRICT.validate(json(body)).filters()).containsEntry("date_from", seconds);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "20240101T000000Z",
        "2024-W01-1T00:00:00Z",
        "2024-001",
        "1969-12-31T23:59:59Z",
        "2024-01-01T24:00:00Z"
      })
  void refusesOtherIso8601FormsWithAMessageThatNamesWhatIsTakenNotThatTheValueIsInvalid(String text)
      throws Exception {
    String body =
        "{\"object\":\"customers\",\"date_from\":\"" + text + "\",\"date_to\":1704067200}";
    assertThat(errors(body)).containsEntry("date_from", List.of(NOT_A_DATE_FROM));
    assertThat(errors(STRICT, body)).containsEntry("date_from", List.of(NOT_A_DATE_FROM));
    assertThat(NOT_A_DATE_FROM).doesNotContainIgnoringCase("invalid").doesNotContain("ISO 8601");
  }

  @Test
  void refusesDatesThatAreNoRealDayOrLookLikeMilliseconds() throws Exception {
    assertThat(
            errors(
                "{\"object\":\"customers\",\"date_from\":\"2024-02-30\","
                    + "\"date_to\":1704067200000}"))
        .containsEntry("date_from", List.of("The date from is not a valid date."))
        .containsEntry("date_to", List.of(NOT_A_DATE_FROM.replace("date from", "date to")));
  }

  @Test
  void refusesIdsAboveInt32WithTheSpecsMaximum() throws Exception {
    assertThat(
            errors(
                "{\"object\":\"orders\",\"date_from\":1,\"date_to\":2,"
                    + "\"product_id\":3000000000,\"sku_id\":\"99999999999999999999\"}"))
        .containsEntry("product_id", List.of("The product id must not be greater than 2147483647."))
        .containsEntry("sku_id", List.of("The sku id must not be greater than 2147483647."));
  }

  @Test
  void checksBoundsAndFormats() throws Exception {
    assertThat(errors("{\"object\":\"orders\",\"date_from\":-1,\"date_to\":1,\"sku_id\":0}"))
        .containsEntry("date_from", List.of(NOT_A_DATE_FROM))
        .containsKey("sku_id");
    assertThat(errors("{\"object\":\"accounting\",\"month\":\"2024-02-30\",\"currency\":\"usd\"}"))
        .containsKey("month");
  }

  @Test
  void refusesBodiesThatAreNotObjects() {
    for (String body : List.of("[]", "1", "\"x\"", "null")) {
      assertThatThrownBy(() -> VALIDATOR.validate(json(body)))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("body"));
    }
  }
}
