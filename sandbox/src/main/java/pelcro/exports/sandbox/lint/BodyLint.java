package pelcro.exports.sandbox.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ExportDates;

/**
 * The lint rules about a {@code POST /exports} body, read against the spec branch of its {@code
 * object} (request-export's filter tables): ignored fields, numeric strings, the accounting month's
 * day, dates in milliseconds or without a zone.
 */
final class BodyLint {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-([0-9]{2})");

  /** As seconds, the year 5138: a date this large is nearly always milliseconds. */
  private static final BigInteger MILLISECONDS = BigInteger.valueOf(100_000_000_000L);

  private BodyLint() {}

  static List<LintHit> check(JsonNode root) {
    List<LintHit> hits = new ArrayList<>();
    JsonNode object = root == null ? null : root.get("object");
    if (object == null || !object.isTextual()) {
      return hits;
    }
    String type = object.asText();
    ExportsSpec spec = ExportsSpec.get();
    Optional<Schema<?>> branch = spec.requestSchemaFor(type);
    if (branch.isEmpty()) {
      return hits;
    }
    root.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              JsonNode value = field.getValue();
              Optional<Schema<?>> schema = spec.requestField(type, name);
              if (schema.isEmpty()) {
                hits.add(new LintHit(LintRule.IGNORED_FIELD, name + " on " + type, name));
              } else if ("integer".equals(schema.get().getType())
                  && value.isTextual()
                  && DIGITS.matcher(value.asText()).matches()) {
                hits.add(
                    new LintHit(
                        LintRule.NUMERIC_STRING, name + "=\"" + value.asText() + "\"", name));
              } else if ("integer".equals(schema.get().getType())
                  && value.isFloatingPointNumber()
                  && wholeNumber(value)) {
                hits.add(new LintHit(LintRule.DECIMAL_INTEGER, name + "=" + value.asText(), name));
              }
              if ((name.equals("date_from") || name.equals("date_to"))
                  && looksLikeMilliseconds(value)) {
                hits.add(
                    new LintHit(LintRule.DATE_IN_MILLISECONDS, name + "=" + value.asText(), name));
              }
              if ((name.equals("date_from") || name.equals("date_to"))
                  && value.isTextual()
                  && ExportDates.lacksZone(value.asText())) {
                hits.add(
                    new LintHit(
                        LintRule.DATE_WITHOUT_ZONE,
                        name + "=\"" + value.asText() + "\" read as UTC",
                        name));
              }
              if (name.equals("month") && value.isTextual() && notFirstDay(value.asText())) {
                hits.add(
                    new LintHit(LintRule.MONTH_NOT_FIRST_DAY, "month=" + value.asText(), name));
              }
            });
    return hits;
  }

  /** The body's export type, canonical ({@code credit_note} is {@code credit_notes}). */
  static Optional<String> type(JsonNode root) {
    JsonNode object = root == null ? null : root.get("object");
    if (object == null || !object.isTextual()) {
      return Optional.empty();
    }
    return ExportsSpec.get()
        .requestSchemaFor(object.asText())
        .map(branch -> String.valueOf(branch.getProperties().get("object").getEnum().get(0)));
  }

  private static boolean looksLikeMilliseconds(JsonNode value) {
    String text = value.isIntegralNumber() || value.isTextual() ? value.asText() : "";
    return DIGITS.matcher(text).matches() && new BigInteger(text).compareTo(MILLISECONDS) >= 0;
  }

  private static boolean wholeNumber(JsonNode value) {
    return (value.isBigDecimal() || Double.isFinite(value.doubleValue()))
        && value.decimalValue().stripTrailingZeros().scale() <= 0;
  }

  private static boolean notFirstDay(String month) {
    var m = DAY.matcher(month);
    return m.matches() && !m.group(1).equals("01");
  }

  /** The body as a JSON object, or null when it is none (the operation answers that). */
  static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null; // the operation answers the malformed body; nothing to lint
    }
  }
}
