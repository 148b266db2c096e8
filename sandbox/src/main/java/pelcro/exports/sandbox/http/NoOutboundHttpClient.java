package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.client.HttpClient;
import com.github.tomakehurst.wiremock.http.client.HttpClientFactory;
import java.io.IOException;
import java.util.List;

/**
 * WireMock's outbound HTTP client for the sandbox: none, because the sandbox never proxies a
 * request. WireMock's default builds an Apache HttpClient 5 at start, which calls {@code
 * RequestConfig.Builder.setProtocolUpgradeEnabled} (httpclient5 5.4+); a build that manages an
 * older httpclient5 (Spring Boot 3.3 manages 5.3.1) then fails to start an embedded sandbox with
 * {@code NoSuchMethodError}. Without it, httpclient5's version does not matter.
 */
final class NoOutboundHttpClient implements HttpClientFactory {
  @Override
  public HttpClient buildHttpClient(
      Options options,
      boolean trustAllCertificates,
      List<String> trustedHosts,
      boolean useSystemProperties) {
    return request -> {
      throw new IOException("The sandbox makes no outbound requests: " + request.getAbsoluteUrl());
    };
  }
}
