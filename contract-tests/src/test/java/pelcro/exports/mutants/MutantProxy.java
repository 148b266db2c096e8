package pelcro.exports.mutants;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A faulty deployment: WireMock on a free 127.0.0.1 port, proxying every request to an honest
 * sandbox and passing each answer through one {@link Fault}.
 */
final class MutantProxy implements AutoCloseable {
  private final WireMockServer server;

  MutantProxy(String sandboxRootUrl, Fault fault) {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .extensions(fault)
                .disableRequestJournal());
    server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(sandboxRootUrl)));
    server.start();
  }

  /** The faulty API's base URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/api/v1/core";
  }

  @Override
  public void close() {
    server.stop();
  }
}
