package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;

/**
 * WireMock's Jetty server with {@link RequestGuardFilter} in front of both the API and the
 * admin context, and Jetty's own errors in JSON; under {@code --no-admin} the admin context answers 404 to everything, so
 * nobody can edit stubs or shut the server down.
 */
final class GuardedJettyServerFactory implements HttpServerFactory {
  private final int maxBodyBytes;
  private final boolean adminEnabled;

  GuardedJettyServerFactory(int maxBodyBytes, boolean adminEnabled) {
    this.maxBodyBytes = maxBodyBytes;
    this.adminEnabled = adminEnabled;
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty11HttpServer(options, admin, stubs) {
      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options opts) {
        super.applyAdditionalServerConfiguration(server, opts);
        server.setErrorHandler(new JsonErrorHandler());
      }

      @Override
      protected void decorateMockServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context, false);
      }

      @Override
      protected void decorateAdminServiceContextBeforeConfig(ServletContextHandler context) {
        guard(context, !adminEnabled);
      }
    };
  }

  private void guard(ServletContextHandler context, boolean closed) {
    context.addFilter(
        new FilterHolder(new RequestGuardFilter(maxBodyBytes, closed)),
        "/*",
        EnumSet.of(DispatcherType.REQUEST));
  }
}
