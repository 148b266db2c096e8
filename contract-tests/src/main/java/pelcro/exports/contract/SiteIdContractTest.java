package pelcro.exports.contract;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;

/** site_id: required on every operation, and only the key's own sites are accepted. */
class SiteIdContractTest {

  static Stream<Arguments> operations() {
    return AuthenticationContractTest.operations();
  }

  /** A site the Enterprise account does not own: the second account's, else one nobody owns. */
  static long foreignSite() {
    return Target.get().other().map(Account::siteId).orElse(2_000_000_000L);
  }

  private static RequestSpecification withKeyOnly() {
    return Api.anonymous().header("Authorization", "Bearer " + Target.get().enterprise().key());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented("core-intro: site_id is required at all times")
  void refusesACallWithoutSiteId(String operation, Function<RequestSpecification, Response> call) {
    assertSiteIdRefused(call.apply(withKeyOnly()), operation + " without site_id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented("core-intro: site_id must be one of the account's sites (x-decision SiteId)")
  void refusesASiteOfAnotherAccount(
      String operation, Function<RequestSpecification, Response> call) {
    assertSiteIdRefused(
        call.apply(withKeyOnly().queryParam("site_id", foreignSite())),
        operation + " with a foreign site_id");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  @Documented("core-intro: site_id is an integer")
  void refusesAMalformedSiteId(String operation, Function<RequestSpecification, Response> call) {
    assertSiteIdRefused(
        call.apply(withKeyOnly().queryParam("site_id", "not-a-site")),
        operation + " with site_id=not-a-site");
  }

  @Test
  @Documented("request-export, Body: site_id limits the export to one of the account's sites")
  void refusesABodySiteIdOfAnotherAccount() {
    Response r =
        Api.enterprise()
            .contentType(ContentType.JSON)
            .body(Exports.recent("customers", "site_id", foreignSite()))
            .when()
            .post("/exports");
    assertSiteIdRefused(r, "requestExport with a foreign body site_id");
  }

  private static void assertSiteIdRefused(Response r, String what) {
    Exports.assertFieldRefused(
        r,
        "core-intro: " + what + " must be refused with 400",
        "site_id",
        "core-errors: the 400 for " + what + " names errors.site_id");
  }
}
