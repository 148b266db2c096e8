package pelcro.exports.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** A WireMock root folder copied into the container: its stubs next to the Exports API. */
@ExtendWith(SandboxImageCondition.class)
@Testcontainers
class ExportsSandboxContainerStubsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Container
  static final ExportsSandboxContainer sandbox =
      new ExportsSandboxContainer()
          .withRootDir(Path.of("src/test/resources/wiremock"))
          .withCreateContainerCmdModifier(LoopbackPorts::apply);

  @Test
  void theFoldersStubsAnswerNextToTheExportsApi() throws Exception {
    assertThat(get("/customers", null).body()).contains("ada@example.com");
    assertThat(get("/exports?site_id=" + sandbox.siteId(), sandbox.enterpriseKey()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void stubsAddedThroughWireMocksAdminApiAnswerToo() throws Exception {
    HttpResponse<String> added =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.rootUrl() + "/__admin/mappings"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"request\": {\"url\": \"/api/v1/core/plans\"}, \"response\": {\"status\": 204}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).isEqualTo(201);
    assertThat(get("/plans", null).statusCode()).isEqualTo(204);
  }

  private static HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
