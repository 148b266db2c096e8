package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;

/** Bearer keys and the Enterprise-only rule, on every operation. */
class AuthenticationContractTest {

  /** Each operation, as a call made with a given request specification. */
  static Stream<Arguments> operations() {
    Function<RequestSpecification, Response> list = s -> s.when().get("/exports");
    Function<RequestSpecification, Response> request =
        s ->
            s.contentType(ContentType.JSON)
                .body(Exports.recent("subscriptions"))
                .when()
                .post("/exports");
    Function<RequestSpecification, Response> download =
        s -> s.when().get("/exports/{uuid}", UUID.randomUUID().toString());
    return Stream.of(
        Arguments.of("listExports", list),
        Arguments.of("requestExport", request),
        Arguments.of("downloadExport", download));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented("core-intro, Authentication: a missing key is 401")
  void refusesACallWithoutKey(String operation, Function<RequestSpecification, Response> call) {
    Response r =
        call.apply(Api.anonymous().queryParam("site_id", Target.get().enterprise().siteId()));

    assertUnauthorized(r, operation + " without Authorization");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented("core-errors: an unknown or expired key is 401")
  void refusesACallWithUnknownKey(String operation, Function<RequestSpecification, Response> call) {
    Response r =
        call.apply(
            Api.anonymous()
                .header("Authorization", "Bearer sk_contract_no_such_key")
                .queryParam("site_id", Target.get().enterprise().siteId()));

    assertUnauthorized(r, operation + " with an unknown key");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented(
      "request-export / download-export banner: Exports are Enterprise-only, others get 401")
  void refusesANonEnterpriseAccount(
      String operation, Function<RequestSpecification, Response> call) {
    Response r = call.apply(Api.as(Target.get().basic()));

    assertThat(r.statusCode())
        .as(
            "request-export banner: %s for a non-Enterprise account must be %d",
            operation, Target.get().nonEnterpriseStatus())
        .isEqualTo(Target.get().nonEnterpriseStatus());
    assertThat(Exports.message(r)).as("core-errors: the refusal carries a message").isNotBlank();
  }

  /** core-errors: a 401 that carries a message; {@code call} names the refused call. */
  private static void assertUnauthorized(Response r, String call) {
    assertThat(r.statusCode()).as("core-errors: %s must be 401", call).isEqualTo(401);
    assertThat(Exports.message(r)).as("core-errors: the 401 body carries a message").isNotBlank();
  }
}
