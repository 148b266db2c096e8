package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.examples.Example;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The text a docs page renders (every {@code description} and {@code summary} outside {@code x-}
 * fields) speaks to integrators: maintainers' notes stay in {@code x-} fields, and each example's
 * summary names the dates its values send.
 */
class RenderedTextTest {
  /** Words of maintainers' notes, and the spec's shorthand for the vendor's pages. */
  private static final Pattern MAINTAINERS_TALK =
      Pattern.compile(
          "x-decision|source of truth|this spec\\b|this file|the vendor|the project|contract suite"
              + "|classpath|sandbox/target|\\(see the decision|\\(("
              + String.join("|", sourceKeys())
              + ")[:)]|\\bQ[1-4] 20\\d\\d");

  @Test
  void noRenderedTextSpeaksToTheProjectsMaintainers() {
    Map<String, String> texts = renderedTexts();

    assertThat(texts).hasSizeGreaterThan(80);
    assertThat(texts)
        .allSatisfy(
            (where, text) ->
                assertThat(MAINTAINERS_TALK.matcher(text).find())
                    .as("%s: %s", where, text)
                    .isFalse());
  }

  @Test
  void theMaintainersNoteIsKeptOutsideTheRenderedDescription() {
    JsonNode info = tree().get("info");

    assertThat(info.get("x-maintainers-note").asText())
        .contains("single source of truth", "x-decision");
    assertThat(info.get("description").asText())
        .contains(
            "POST /exports",
            "GET /exports/{uuid}",
            "The export is not yet ready to be downloaded.");
  }

  @Test
  void everyRequestExampleSummaryNamesTheDatesItSends() {
    Map<String, Example> examples = ExportsSpec.requestExamples(ExportsSpec.get().model());

    assertThat(examples)
        .hasSize(14)
        .allSatisfy(
            (name, example) -> {
              JsonNode value = Yaml.mapper().valueToTree(example.getValue());
              List<String> dates = new ArrayList<>();
              for (String bound : List.of("date_from", "date_to")) {
                if (value.path(bound).isIntegralNumber()) {
                  dates.add(
                      LocalDate.ofInstant(
                              Instant.ofEpochSecond(value.get(bound).asLong()), ZoneOffset.UTC)
                          .toString());
                }
              }
              if (value.path("month").isTextual()) {
                LocalDate day = LocalDate.parse(value.get("month").asText());
                dates.add(
                    day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " "
                        + day.getYear());
              }
              assertThat(dates).as(name).isNotEmpty();
              assertThat(example.getSummary()).as(name).contains(dates);
            });
  }

  private static Map<String, String> renderedTexts() {
    Map<String, String> texts = new LinkedHashMap<>();
    collect(tree(), "", texts);
    return texts;
  }

  private static void collect(JsonNode node, String where, Map<String, String> texts) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), where + "/" + i, texts);
      }
    }
    node.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              if (name.startsWith("x-")) {
                return;
              }
              if (Set.of("description", "summary").contains(name) && field.getValue().isTextual()) {
                texts.put(where + "/" + name, field.getValue().asText());
              } else {
                collect(field.getValue(), where + "/" + name, texts);
              }
            });
  }

  private static List<String> sourceKeys() {
    List<String> keys = new ArrayList<>();
    tree().get("info").get("x-sources").fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static JsonNode tree() {
    try {
      return Yaml.mapper().readTree(ExportsSpec.get().yaml());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
