package com.example.core;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.wiremock.ExportsSandboxWireMockExtension;

/** WireMock's own JUnit 5 extension, with the Exports sandbox registered in it. */
class CoreClientTest {
  @RegisterExtension
  static WireMockExtension core = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().extensions(
          new ExportsSandboxWireMockExtension(Sandbox.builder().jobSeconds(1).rateLimit(0))))
      .build();

  private CoreClient client;

  @BeforeEach
  void client() throws Exception {
    control("POST", "/__admin/sandbox/reset"); // the sandbox's state, like resetAll for stubs
    client = new CoreClient(core.baseUrl() + "/api/v1/core", "sk_test_enterprise", 1001);
  }

  @Test
  void readsCustomersFromAStubAndExportsThemFromTheSandbox() throws Exception {
    core.stubFor(get(urlPathEqualTo("/api/v1/core/customers"))
        .willReturn(okJson("{\"data\": [{\"id\": 1, \"email\": \"ada@example.com\"}]}")));
    assertEquals(List.of("ada@example.com"), client.customerEmails());

    String uuid = client.requestExport("customers", 1704067200L, 1711929600L);
    control("POST", "/__admin/sandbox/exports/" + uuid + "/complete");
    String csv = new String(client.download(uuid), StandardCharsets.UTF_8);
    assertTrue(csv.lines().count() > 1, csv);
    IOException again = assertThrows(IOException.class, () -> client.download(uuid));
    assertTrue(again.getMessage().startsWith("4"), again.getMessage());
  }

  @Test
  void theSandboxRefusesWhatPelcroRefuses() {
    CoreClient basic = new CoreClient(core.baseUrl() + "/api/v1/core", "sk_test_basic", 3001);
    IOException refused = assertThrows(IOException.class,
        () -> basic.requestExport("customers", 1704067200L, 1711929600L));
    assertTrue(refused.getMessage().startsWith("401"), refused.getMessage());
  }

  private static void control(String method, String path) throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(core.baseUrl() + path))
            .method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
  }
}
