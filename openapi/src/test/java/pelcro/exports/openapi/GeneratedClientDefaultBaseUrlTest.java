package pelcro.exports.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.client.ApiClient;
import pelcro.exports.openapi.client.Configuration;

/**
 * A client generated from the spec (openapi-generator's Java client, built from the spec by this
 * module) that nobody gave a base URL talks to the sandbox on 127.0.0.1, never to Pelcro's
 * production API: generators take the spec's first server as the default (the servers' {@code
 * x-decision}).
 */
class GeneratedClientDefaultBaseUrlTest {

  @Test
  void anUnconfiguredGeneratedClientDefaultsToTheSandboxOnLoopback() {
    assertThat(new ApiClient().getBaseUri()).isEqualTo("http://127.0.0.1:8080/api/v1/core");
  }

  @Test
  void theClientTheGeneratedApiUsesWhenGivenNoneDoesNotDefaultToProduction() {
    // new ExportsApi() takes this client.
    String baseUri = Configuration.getDefaultApiClient().getBaseUri();

    assertThat(baseUri).startsWith("http://127.0.0.1:").doesNotContain("pelcro.com");
  }

  @Test
  void aClientGivenTheProductionUrlUsesIt() {
    ApiClient client = new ApiClient();
    client.updateBaseUri("https://www.pelcro.com/api/v1/core");

    assertThat(client.getBaseUri()).isEqualTo("https://www.pelcro.com/api/v1/core");
  }
}
