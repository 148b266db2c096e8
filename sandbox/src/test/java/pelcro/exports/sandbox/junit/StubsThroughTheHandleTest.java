package pelcro.exports.sandbox.junit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The JUnit annotation's root folder and the handle's WireMock client: stubs of other Core
 * endpoints next to the stateful Exports API, on the same base URL.
 */
@ExportsSandboxTest(rootDir = "src/test/resources/wiremock-root", jobSeconds = 1)
class StubsThroughTheHandleTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theRootFoldersStubsAnswerNextToTheExportsApi(SandboxHandle sandbox) throws Exception {
    assertThat(call(sandbox, "/customers").body()).contains("ada@example.com");
    assertThat(call(sandbox, "/exports?site_id=" + sandbox.siteId()).statusCode()).isEqualTo(200);
  }

  @Test
  void aTestStubsAnotherCoreEndpointThroughTheHandlesWireMockClient(SandboxHandle sandbox)
      throws Exception {
    sandbox
        .wireMock()
        .register(
            get(urlPathEqualTo("/api/v1/core/plans"))
                .willReturn(okJson("{\"data\": [{\"id\": 7, \"nickname\": \"Gold\"}]}")));
    HttpResponse<String> plans = call(sandbox, "/plans");
    assertThat(plans.statusCode()).isEqualTo(200);
    assertThat(plans.body()).contains("Gold");
  }

  private static HttpResponse<String> call(SandboxHandle sandbox, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("Authorization", "Bearer " + sandbox.enterpriseKey())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
