package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example in the spec is checked against the schema it illustrates. */
class DocumentedExamplesValidateTest {
  private static final OpenAPI API = ExportsSpec.get().model();
  private static final SchemaValidator VALIDATOR = new SchemaValidator(API, new MessageResolver());
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> examples() {
    List<Arguments> all = new ArrayList<>();
    API.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, op) -> {
                          String where = method + " " + path;
                          if (op.getRequestBody() != null) {
                            collect(all, where + " request", op.getRequestBody().getContent());
                          }
                          op.getResponses()
                              .forEach(
                                  (status, response) -> {
                                    var resolved =
                                        response.get$ref() == null
                                            ? response
                                            : API.getComponents()
                                                .getResponses()
                                                .get(simpleName(response.get$ref()));
                                    collect(all, where + " " + status, resolved.getContent());
                                  });
                        }));
    API.getComponents()
        .getSchemas()
        .forEach(
            (name, schema) -> {
              if (schema.getExample() != null) {
                all.add(Arguments.of("schema " + name, schema, schema.getExample()));
              }
            });
    return all.stream();
  }

  private static void collect(List<Arguments> all, String where, Map<String, MediaType> content) {
    if (content == null) {
      return;
    }
    content.forEach(
        (type, media) -> {
          if (media.getExamples() != null) {
            media
                .getExamples()
                .forEach(
                    (name, example) ->
                        all.add(
                            Arguments.of(
                                where + " example " + name,
                                media.getSchema(),
                                resolve(example).getValue())));
          }
        });
  }

  private static Example resolve(Example example) {
    return example.get$ref() == null
        ? example
        : API.getComponents().getExamples().get(simpleName(example.get$ref()));
  }

  private static String simpleName(String ref) {
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleValidatesAgainstItsSchema(String where, Schema<?> schema, Object value) {
    ValidationReport report = VALIDATOR.validate(() -> JSON.valueToTree(value), schema, "example");

    assertThat(report.getMessages()).as(where).isEmpty();
  }

  @Test
  void everyRequestExampleOfTheDocsIsPresent() {
    long requestExamples =
        examples().filter(a -> a.get()[0].toString().contains("request")).count();

    assertThat(requestExamples).as("one request example per export type").isEqualTo(14);
  }

  @Test
  void aWrongExampleIsCaught() throws Exception {
    Schema<?> request = ExportsSpec.get().schema("ExportRequest");
    String uppercaseCurrency =
        "{\"object\":\"accounting\",\"month\":\"2024-01-01\",\"currency\":\"USD\"}";

    assertThat(VALIDATOR.validate(uppercaseCurrency, request, "example").hasErrors()).isTrue();
  }
}
