package pelcro.exports.sandbox.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Fixtures;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.lint.LintRule;
import pelcro.exports.sandbox.support.ExportCalls;

/**
 * The integrator lint over HTTP: the offending answer names the rules in {@code X-Sandbox-Lint} and
 * is otherwise what it would be; the control API lists the findings per account, filtered, and a
 * reset clears them.
 */
class LintAcceptanceTest {
  private static final Clock FROZEN = Clock.fixed(Instant.now(), ZoneOffset.UTC);
  @AutoClose private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    // A frozen base clock: the time rules compare sandbox instants, not the test's pace.
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(60)
            .rateLimit(0)
            .clock(FROZEN)
            .corsOrigins(List.of("https://docs.example.com"))
            .start();
  }

  @BeforeEach
  void reset() {
    control(sandbox).post("/reset").then().statusCode(200);
  }

  private static Response post(Map<String, Object> body) {
    return ExportCalls.postExport(sandbox, ENTERPRISE, SITE, body);
  }

  private static Response findings(String query) {
    return control(sandbox).get("/lint" + query);
  }

  @Test
  void namesTheBrokenRuleOnTheOffendingAnswerOnly() {
    Map<String, Object> body = new HashMap<>(Fixtures.subscriptions());
    Response clean = post(body);
    body.put("object", "invoices");
    body.put("currency", "usd");
    Response ignored = post(body);

    assertThat(clean.statusCode()).isEqualTo(200);
    assertThat(clean.header("X-Sandbox-Lint")).isNull();
    assertThat(ignored.statusCode()).isEqualTo(200);
    assertThat(ignored.header("X-Sandbox-Lint")).isEqualTo("ignored-field");
    assertThat(ignored.<String>path("data.object")).isEqualTo("invoices");
  }

  @Test
  void listsTheFindingsPerAccountFilteredAndClearedByReset() {
    Map<String, Object> body = new HashMap<>(Fixtures.ofType("customers"));
    body.put("foo", 1);
    post(body);
    body.put("object", "orders");
    post(body);

    findings("")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].account_id", equalTo(1))
        .body("data[0].rule", equalTo("ignored-field"))
        .body("data[0].count", equalTo(2))
        .body("data[0].detail", equalTo("foo on orders"))
        .body("rules.size()", equalTo(LintRule.values().length));
    assertThat(findings("").<String>path("data[0].message")).contains("https://docs.pelcro.com/");
    findings("?account=2").then().statusCode(200).body("data.size()", equalTo(0));
    findings("?account=1&rule=key-in-query").then().statusCode(200).body("data.size()", equalTo(0));
    findings("?rule=no-such-rule").then().statusCode(400);
    findings("?account=one").then().statusCode(400);
    control(sandbox).post("/reset").then().statusCode(200);
    findings("").then().statusCode(200).body("data.size()", equalTo(0));
  }

  @Test
  void namesADownloadPolledTooSoonAndLeavesItsAnswerAlone() {
    String uuid =
        post(Fixtures.ofType("payments")).then().statusCode(200).extract().path("data.uuid");
    Response first = api(sandbox, ENTERPRISE).queryParam("site_id", SITE).get("/exports/" + uuid);
    Response second = api(sandbox, ENTERPRISE).queryParam("site_id", SITE).get("/exports/" + uuid);

    assertThat(first.header("X-Sandbox-Lint")).isNull();
    assertThat(second.header("X-Sandbox-Lint")).isEqualTo("download-polled-too-soon");
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(second.asString()).isEqualTo(first.asString());
  }

  @Test
  void namesAKeyInTheQueryStringWithoutRevealingIt() {
    Response r =
        given()
            .baseUri(sandbox.baseUrl())
            .queryParam("site_id", SITE)
            .queryParam("api_key", ENTERPRISE)
            .get("/exports");

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.header("X-Sandbox-Lint")).isEqualTo("key-in-query");
    String listed =
        findings("?account=1")
            .then()
            .statusCode(200)
            .body("data[0].rule", equalTo("key-in-query"))
            .extract()
            .asString();
    assertThat(listed).doesNotContain(ENTERPRISE);
  }

  @Test
  void exposesTheLintHeaderToAllowedPages() {
    Map<String, Object> body = new HashMap<>(Fixtures.ofType("refunds"));
    body.put("plan_id", "456");
    Response r =
        api(sandbox, ENTERPRISE)
            .header("Origin", "https://docs.example.com")
            .queryParam("site_id", SITE)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/exports");

    assertThat(r.header("X-Sandbox-Lint")).isEqualTo("ignored-field");
    assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Sandbox-Lint");
  }

  @Test
  void namesARequestSentBeforeRetryAfterElapsed() {
    try (Sandbox limited = Sandbox.builder().port(0).rateLimit(2).clock(FROZEN).start()) {
      List<String> lint = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Response r = listExports(limited, ENTERPRISE, SITE);
        lint.add(r.statusCode() + " " + r.header("X-Sandbox-Lint"));
      }
      assertThat(lint)
          .containsExactly("200 null", "200 null", "429 null", "429 retried-before-retry-after");
      assertThat(limited.lint())
          .singleElement()
          .satisfies(f -> assertThat(f.rule()).isEqualTo("retried-before-retry-after"));
    }
  }
}
