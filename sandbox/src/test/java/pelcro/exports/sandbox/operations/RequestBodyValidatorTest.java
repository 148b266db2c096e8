package pelcro.exports.sandbox.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.domain.ApiException;

class RequestBodyValidatorTest {
  private static final RequestBodyValidator VALIDATOR = new RequestBodyValidator();

  private static JsonNode json(String text) throws Exception {
    return new ObjectMapper().readTree(text);
  }

  private static Map<String, List<String>> errors(String body) throws Exception {
    JsonNode node = json(body);
    try {
      VALIDATOR.validate(node);
    } catch (ApiException e) {
      return e.fieldErrors();
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void keepsTheFiltersAndTheCanonicalType() throws Exception {
    ValidRequest request = VALIDATOR.validate(json(
        "{\"object\":\"credit_note\",\"date_from\":1,\"date_to\":2,\"currency\":\"eur\","
            + "\"site_id\":1002}"));
    assertThat(request.type()).isEqualTo("credit_notes");
    assertThat(request.bodySiteId()).isEqualTo(1002L);
    assertThat(request.filters()).containsEntry("date_from", 1L).containsEntry("currency", "eur")
        .doesNotContainKeys("object", "site_id");
  }

  @Test
  void namesEveryWrongFieldAtOnce() throws Exception {
    assertThat(errors("{\"object\":\"payments\",\"date_from\":\"x\",\"status\":\"won\","
        + "\"currency\":\"USD\",\"category\":\"card\",\"colour\":\"red\"}"))
        .containsEntry("date_from", List.of("The date from must be an integer."))
        .containsEntry("date_to", List.of("The date to field is required."))
        .containsEntry("status", List.of("The selected status is invalid."))
        .containsEntry("currency", List.of("The currency must be a lowercase 3-letter code."))
        .containsEntry("category", List.of("The selected category is invalid."))
        .containsEntry("colour", List.of("The colour field is not allowed for payments exports."));
  }

  @Test
  void checksBoundsAndFormats() throws Exception {
    assertThat(errors("{\"object\":\"orders\",\"date_from\":-1,\"date_to\":1,\"sku_id\":0}"))
        .containsEntry("date_from", List.of("The date from must be at least 0."))
        .containsKey("sku_id");
    assertThat(errors("{\"object\":\"accounting\",\"month\":\"2024-02-30\",\"currency\":\"usd\"}"))
        .containsKey("month");
  }

  @Test
  void refusesBodiesThatAreNotObjects() {
    for (String body : List.of("[]", "1", "\"x\"", "null")) {
      assertThatThrownBy(() -> VALIDATOR.validate(json(body))).isInstanceOfSatisfying(
          ApiException.class, e -> assertThat(e.fieldErrors()).containsKey("body"));
    }
  }
}
