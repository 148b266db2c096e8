package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;
import pelcro.exports.openapi.ExportsSpec;

/**
 * Field validation of POST /exports, for each export type and each of its filters, generated from
 * the spec's per-type request schemas: each wrong field is refused with 400 and named in {@code
 * errors}. A field the type does not take is accepted and ignored (x-decision of {@code
 * ExportRequest}); {@link StrictModeContractTest} checks a {@code --strict} sandbox's 400.
 */
@ExtendWith(EnterpriseAccount.class)
class RequestValidationContractTest {
  private static final String DOC =
      "request-export, Query Params / filter tables; core-errors: 400 names each field";

  @TestFactory
  @Documented(DOC)
  // Refusals change no state: where classes run in parallel, so do these (each on the class's
  // target, taken here: the tests may run on other threads).
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> refusesEachWrongFieldOfEachExportType() {
    Target target = Target.get();
    List<DynamicTest> tests = new ArrayList<>();
    for (String type : ExportsSpec.get().requestObjectValues()) {
      Schema<?> schema = ExportsSpec.get().requestSchemaFor(type).orElseThrow();
      Map<String, Schema> props = resolvedProperties(schema);
      for (String required : schema.getRequired()) {
        if (!required.equals("object")) {
          tests.add(refusal(target, type, required, "is missing", body -> body.remove(required)));
        }
      }
      props.forEach(
          (field, fieldSchema) ->
              invalidValue(fieldSchema)
                  .ifPresent(
                      bad ->
                          tests.add(
                              refusal(
                                  target,
                                  type,
                                  field,
                                  "is " + describe(bad),
                                  body -> body.put(field, bad)))));
    }
    return tests.stream();
  }

  @Test
  @Writes
  @Documented(
      value =
          "request-export: filters are per type; x-decision of ExportRequest: another field is ignored",
      covers = "requestExport:200")
  void acceptsAndIgnoresFieldsTheTypeDoesNotTake(Account account) {
    Map<String, Object> body = Exports.recent("subscriptions");
    allFields().stream()
        .filter(
            f ->
                !ExportsSpec.get()
                    .requestSchemaFor("subscriptions")
                    .orElseThrow()
                    .getProperties()
                    .containsKey(f))
        .forEach(f -> body.put(f, sampleFor(f)));
    body.put("not_a_documented_field", "x");

    String uuid = Exports.request(account, body);

    assertThat(uuid)
        .as(
            "x-decision of ExportRequest: a subscriptions export with other types' filters %s is queued",
            body.keySet())
        .isNotBlank();
    Exports.drain(account, uuid);
  }

  @Test
  @Documented(DOC)
  void refusesAnUnknownExportType() {
    Response r = Exports.post(Target.get().enterprise(), Exports.recent("widgets"));
    assertRefused(r, "object", "an unknown `object`");
  }

  @Test
  @Documented(DOC)
  void refusesARequestWithoutExportType() {
    Map<String, Object> body = Exports.recent("subscriptions");
    body.remove("object");
    assertRefused(Exports.post(Target.get().enterprise(), body), "object", "a missing `object`");
  }

  private interface Mutation {
    void apply(Map<String, Object> body);
  }

  private static DynamicTest refusal(
      Target target, String type, String field, String what, Mutation mutation) {
    return dynamicTest(
        type + ": refuses a request whose " + field + " " + what,
        () ->
            Target.runWith(
                target,
                () -> {
                  Map<String, Object> body = new LinkedHashMap<>(Exports.recent(type));
                  mutation.apply(body);
                  assertRefused(
                      Exports.post(Target.get().enterprise(), body),
                      field,
                      type + " whose " + field + " " + what);
                  return null;
                }));
  }

  private static void assertRefused(Response r, String field, String what) {
    assertThat(r.statusCode())
        .as(
            "request-export / core-errors: %s must be refused with 400 (body: %s)",
            what, r.asString())
        .isEqualTo(400);
    assertThat(Exports.message(r))
        .as("core-errors: validation answers \"%s\"", Exports.INVALID_DATA)
        .isEqualTo(Exports.INVALID_DATA);
    assertThat(r.jsonPath().getMap("errors"))
        .as("core-errors: errors must name `%s` for %s", field, what)
        .containsKey(field);
  }

  /** A value the field's schema refuses, if the schema refuses anything we can name. */
  @SuppressWarnings("rawtypes")
  private static java.util.Optional<Object> invalidValue(Schema s) {
    if (s.getEnum() != null && !s.getEnum().isEmpty()) {
      return s.getEnum().size() == 1
          ? java.util.Optional.empty()
          : java.util.Optional.of("not_a_valid_value");
    }
    String type = s.getType();
    if (s.getOneOf() != null) {
      return java.util.Optional.of("not-a-date"); // ExportDate: Unix seconds or ISO 8601
    }
    if ("integer".equals(type)) {
      return java.util.Optional.of(
          s.getMinimum() != null ? s.getMinimum().longValue() - 1 : (Object) "not-a-number");
    }
    if ("string".equals(type)) {
      if (s.getPattern() != null) return java.util.Optional.of("NOT-MATCHING-123");
      if ("date".equals(s.getFormat())) return java.util.Optional.of("2024-13-45");
      if ("email".equals(s.getFormat())) return java.util.Optional.of("not-an-email");
      if (s.getMinLength() != null && s.getMinLength() > 0) return java.util.Optional.of("");
    }
    return java.util.Optional.empty();
  }

  private static String describe(Object bad) {
    return bad instanceof String str ? "\"" + str + "\"" : String.valueOf(bad);
  }

  /** A plausible value for a field that another type takes. */
  static Object sampleFor(String field) {
    return switch (field) {
      case "date_from", "date_to" -> 1_704_067_200L;
      case "month" -> "2024-01-01";
      default -> field.endsWith("_id") || field.equals("id") ? 1 : "x";
    };
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Map<String, Schema> resolvedProperties(Schema<?> schema) {
    Map<String, Schema> out = new LinkedHashMap<>();
    schema.getProperties().forEach((name, s) -> out.put(name, resolve((Schema) s)));
    return out;
  }

  @SuppressWarnings("rawtypes")
  private static Schema resolve(Schema s) {
    if (s.get$ref() != null) {
      return ExportsSpec.get().schema(s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1));
    }
    return s;
  }

  static Set<String> allFields() {
    Set<String> all = new TreeSet<>();
    for (String type : ExportsSpec.get().requestObjectValues()) {
      all.addAll(ExportsSpec.get().requestSchemaFor(type).orElseThrow().getProperties().keySet());
    }
    return all;
  }
}
