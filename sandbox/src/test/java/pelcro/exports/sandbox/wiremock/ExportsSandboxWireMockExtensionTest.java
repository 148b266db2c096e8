package pelcro.exports.sandbox.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.PlainHttp;

/**
 * The sandbox registered in an integrator's own WireMock (WireMock's JUnit 5 extension): the
 * Exports API, the test helpers, the control API, lint and faults behave as on the sandbox's own
 * server, and the integrator's stubs keep working.
 */
class ExportsSandboxWireMockExtensionTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExportsSandboxWireMockExtension SANDBOX =
      new ExportsSandboxWireMockExtension(Sandbox.builder().jobSeconds(1).rateLimit(0));

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(SANDBOX))
          .build();

  @Test
  void theExportsApiRunsItsWholeLifecycleOnTheIntegratorsServer() throws Exception {
    send("POST", "/__admin/sandbox/reset", null, null);
    HttpResponse<String> requested =
        send(
            "POST",
            "/api/v1/core/exports?site_id=1001",
            "{\"object\": \"subscriptions\", \"date_from\": 1704067200, \"date_to\": 1711929600}",
            ENTERPRISE);
    assertThat(requested.statusCode()).isEqualTo(200);
    String uuid = JSON.readTree(requested.body()).at("/data/uuid").asText();
    assertThat(
            send("GET", "/api/v1/core/exports/" + uuid + "?site_id=1001", null, ENTERPRISE).body())
        .contains("not yet ready");
    assertThat(
            send("POST", "/__sandbox/exports/" + uuid + "/complete", null, ENTERPRISE).statusCode())
        .isEqualTo(200);
    HttpResponse<String> file =
        send("GET", "/api/v1/core/exports/" + uuid + "?site_id=1001", null, ENTERPRISE);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition")).get().asString().contains(".csv");
    assertThat(
            send("GET", "/api/v1/core/exports/" + uuid + "?site_id=1001", null, ENTERPRISE)
                .statusCode())
        .isNotEqualTo(200);
  }

  @Test
  void theIntegratorsStubsKeepWorkingAndNeverAnswerOnTheSandboxsPaths() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/api/v1/core/customers")).willReturn(okJson("{\"data\": []}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/core/exports")).willReturn(okJson("{\"stub\": 1}")));
    assertThat(send("GET", "/api/v1/core/customers", null, null).body())
        .isEqualTo("{\"data\": []}");
    HttpResponse<String> exports =
        send("GET", "/api/v1/core/exports?site_id=1001", null, ENTERPRISE);
    assertThat(exports.statusCode()).isEqualTo(200);
    assertThat(exports.body()).startsWith("{\"data\"").doesNotContain("stub");
  }

  @Test
  void theControlApiFaultsAndLintBehaveAsOnTheSandboxsOwnServer() throws Exception {
    assertThat(send("POST", "/__admin/sandbox/reset", null, null).statusCode()).isEqualTo(200);
    assertThat(
            send(
                    "POST",
                    "/__admin/sandbox/faults",
                    "{\"kind\": \"operation_error\", \"operation\": \"listExports\", \"status\": 503, "
                        + "\"times\": 1}",
                    null)
                .statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/api/v1/core/exports?site_id=1001", null, ENTERPRISE).statusCode())
        .isEqualTo(503);
    assertThat(send("GET", "/api/v1/core/exports?site_id=1001", null, ENTERPRISE).statusCode())
        .isEqualTo(200);
    HttpResponse<String> linted =
        send(
            "POST",
            "/api/v1/core/exports?site_id=1001",
            "{\"object\": \"subscriptions\", \"date_from\": 1704067200, "
                + "\"date_to\": 1711929600, \"colour\": \"blue\"}",
            ENTERPRISE);
    assertThat(linted.headers().firstValue("X-Sandbox-Lint"))
        .get()
        .asString()
        .contains("ignored-field");
    JsonNode findings = JSON.readTree(send("GET", "/__admin/sandbox/lint", null, null).body());
    assertThat(findings.get("data").toString()).contains("ignored-field");
    assertThat(SANDBOX.sandbox().accounts()).isNotEmpty();
  }

  private static HttpResponse<String> send(String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder request =
        PlainHttp.request(method, wm.baseUrl() + path, body)
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
