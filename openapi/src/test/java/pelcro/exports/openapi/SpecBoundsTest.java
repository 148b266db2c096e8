package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's date forms and numeric bounds, which the sandbox validates exactly. */
class SpecBoundsTest {
  private static final ExportsSpec SPEC = ExportsSpec.get();
  private static final SchemaValidator VALIDATOR =
      new SchemaValidator(SPEC.model(), new MessageResolver());

  private static boolean dateAccepts(String json) {
    return !VALIDATOR.validate(json, SPEC.schema("ExportDate"), "date").hasErrors();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1704067200",
        "\"1704067200\"",
        "0",
        "\"2024-01-01T00:00:00Z\"",
        "\"2024-01-01T02:00:00+02:00\"",
        "\"2024-01-01T00:00Z\"",
        "\"2024-01-01T00:00:00.250Z\"",
        "\"2024-01-01\"",
        "99999999999",
        "\"2024-01-01t00:00:00z\"",
        "\"2016-12-31T23:59:60Z\"",
        "\"2024-01-01T00:00:00\"",
        "\"2024-01-01 00:00:00+0000\"",
        "\"2024-01-01T02:00+02\"",
        "\"2024-01-01T00:00:00,5Z\""
      })
  void theDatesTakeUnixSecondsAndDateTimesAsRfc3339AndIso8601WriteThem(String json) {
    assertThat(dateAccepts(json)).as(json).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1704067200000",
        "\"1704067200000\"",
        "-1",
        "1704067200.5",
        "\"yesterday\"",
        "\"2024-13-01\"",
        "\"20240101T000000Z\"",
        "\"01/02/2024\"",
        "true",
        "\"\"",
        "\"2024-01-01T00:00:61Z\"",
        "\"2024-01-01T00:00:00Zz\"",
        "\"2024-01-01T\""
      })
  void theDatesRefuseMillisecondsAndOtherShapes(String json) {
    assertThat(dateAccepts(json)).as(json).isFalse();
  }

  @Test
  void everyInt32DeclaresItsMaximum() {
    List<String> missing = new ArrayList<>();
    SPEC.model()
        .getComponents()
        .getSchemas()
        .forEach((name, schema) -> collect(name, schema, missing));
    SPEC.model()
        .getComponents()
        .getParameters()
        .forEach((name, p) -> collect(name, p.getSchema(), missing));

    assertThat(missing).isEmpty();
  }

  @Test
  void declaresTheBoundsTheSandboxChecks() {
    Map<String, Parameter> parameters = SPEC.model().getComponents().getParameters();

    assertThat(parameters.get("Limit").getSchema().getMaximum())
        .isEqualByComparingTo(BigDecimal.valueOf(100));
    assertThat(parameters.get("Page").getSchema().getMaximum())
        .isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
    assertThat(parameters.get("SiteId").getSchema().getMaximum())
        .isEqualByComparingTo(BigDecimal.valueOf(Integer.MAX_VALUE));
  }

  @SuppressWarnings("rawtypes")
  private static void collect(String where, Schema schema, List<String> missing) {
    if (schema == null) {
      return;
    }
    if ("int32".equals(schema.getFormat())
        && schema.getMinimum() != null
        && schema.getMaximum() == null) {
      missing.add(where);
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties())
          .forEach((n, s) -> collect(where + "." + n, s, missing));
    }
  }
}
