package pelcro.exports.contract.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 429 retry under REST Assured: the same request once more, after Retry-After, and only once.
 */
class PacedHttpClientTest {
  private static final Map<String, Object> BODY =
      Map.of("object", "subscriptions", "date_from", 1, "date_to", 2);
  private WireMockServer target;

  @BeforeEach
  void startTarget() {
    target = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    target.start();
  }

  @AfterEach
  void stopTarget() {
    target.stop();
  }

  private Response postThrough(Pacer pacer) {
    return given()
        .config(Api.paced(pacer))
        .baseUri(target.baseUrl())
        .header("Authorization", "Bearer sk_test_enterprise")
        .contentType(ContentType.JSON)
        .body(BODY)
        .post("/api/v1/core/exports");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tooMany() {
    return aResponse()
        .withStatus(429)
        .withHeader("Retry-After", "1")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"Too Many Attempts.\"}");
  }

  @Test
  void sendsTheSameRequestAgainAfterRetryAfterAndReturnsThatAnswer() {
    target.stubFor(
        post(urlPathEqualTo("/api/v1/core/exports"))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(tooMany())
            .willSetStateTo("window over"));
    target.stubFor(
        post(urlPathEqualTo("/api/v1/core/exports"))
            .inScenario("limit")
            .whenScenarioStateIs("window over")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{}}")));
    Pacer pacer = new Pacer(0);
    long start = System.nanoTime();

    Response r = postThrough(pacer);

    assertThat(r.statusCode()).as("the caller sees the answer to the retry").isEqualTo(200);
    assertThat(System.nanoTime() - start)
        .as("waited out Retry-After: 1")
        .isGreaterThanOrEqualTo(1_000_000_000L);
    target.verify(
        2,
        postRequestedFor(urlPathEqualTo("/api/v1/core/exports"))
            .withRequestBody(
                equalToJson("{\"object\":\"subscriptions\",\"date_from\":1,\"date_to\":2}")));
    assertThat(pacer.report().retried()).isEqualTo(1);
    assertThat(pacer.report().line())
        .contains("1 answered 429, 1 sent again after Retry-After, 0 of them refused again");
  }

  @Test
  void retriesOnlyOnceAndThenShowsThe429() {
    target.stubFor(post(urlPathEqualTo("/api/v1/core/exports")).willReturn(tooMany()));
    Pacer pacer = new Pacer(0);

    Response r = postThrough(pacer);

    assertThat(r.statusCode()).isEqualTo(429);
    target.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/core/exports")));
    assertThat(pacer.report().refusedAgain()).isEqualTo(1);
  }
}
