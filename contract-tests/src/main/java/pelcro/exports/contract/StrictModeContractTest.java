package pelcro.exports.contract;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.InProcessSandbox;
import pelcro.exports.contract.support.SandboxOnly;
import pelcro.exports.contract.support.Target;
import pelcro.exports.openapi.ExportsSpec;

/**
 * A {@code --strict} sandbox refuses exactly what the spec's schemas refuse: a field the type does
 * not take, a numeric string for an integer, {@code page}/{@code limit} out of bounds. The default
 * sandbox accepts them as the vendor's framework would (x-decisions of {@code ExportRequest},
 * {@code PlanId}, {@code Limit}).
 */
@SandboxOnly(
    "--strict is the sandbox's option; the vendor's answer to these calls is the x-decisions' reading")
class StrictModeContractTest {
  private static final String DOC =
      "x-decisions of ExportRequest, PlanId and Limit: --strict answers 400";
  private static InProcessSandbox strict;
  private static Target target;

  @BeforeAll
  static void start() {
    strict = InProcessSandbox.start(b -> b.strict(true));
    target = Target.dedicatedSandbox(strict.baseUrl());
  }

  @AfterAll
  static void stop() {
    strict.close();
  }

  private static Response post(Map<String, Object> body) {
    return Target.runWith(target, () -> Exports.post(Target.get().enterprise(), body));
  }

  private static void assertRefused(Response r, String field, String what) {
    Exports.assertFieldRefused(
        r,
        "--strict: " + what + " must be refused with 400",
        field,
        "core-errors: errors must name `" + field + "` for " + what);
  }

  @TestFactory
  @Documented(DOC)
  Stream<DynamicTest> refusesAFieldTheTypeDoesNotTake() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String type : ExportsSpec.get().requestObjectValues()) {
      var properties = ExportsSpec.get().requestSchemaFor(type).orElseThrow().getProperties();
      RequestValidationContractTest.allFields().stream()
          .filter(f -> !properties.containsKey(f))
          .findFirst()
          .ifPresent(
              foreign ->
                  tests.add(
                      dynamicTest(
                          type + ": refuses " + foreign,
                          () -> {
                            Map<String, Object> body =
                                Target.runWith(target, () -> Exports.recent(type));
                            body.put(foreign, RequestValidationContractTest.sampleFor(foreign));
                            assertRefused(post(body), foreign, type + " with " + foreign);
                          })));
    }
    return tests.stream();
  }

  @Test
  @Documented(DOC)
  void refusesANumericStringForAnInteger() {
    Map<String, Object> body =
        Target.runWith(target, () -> Exports.recent("orders", "product_id", "789"));
    assertRefused(post(body), "product_id", "orders with product_id \"789\"");
  }

  @Test
  @Documented(DOC)
  void refusesPageAndLimitOutOfBounds() {
    Response limit =
        Target.runWith(target, () -> Api.enterprise().queryParam("limit", 1000).get("/exports"));
    Response page =
        Target.runWith(target, () -> Api.enterprise().queryParam("page", "abc").get("/exports"));

    assertRefused(limit, "limit", "limit=1000");
    assertRefused(page, "page", "page=abc");
  }
}
