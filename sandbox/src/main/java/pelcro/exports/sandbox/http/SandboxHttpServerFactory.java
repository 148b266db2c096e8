package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.common.JettySettings;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServer;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty12.Jetty12HttpServer;
import com.github.tomakehurst.wiremock.servlet.WireMockHandlerDispatchingServlet;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.NetworkTrafficListener;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import pelcro.exports.sandbox.health.Health;
import pelcro.exports.sandbox.log.ActivityLog;

/**
 * WireMock's Jetty 12 server with the sandbox's {@link FrontDoor} in front of it, Jetty's own
 * errors in JSON at every level, and the connector's limits for a public host.
 */
final class SandboxHttpServerFactory implements HttpServerFactory {

  /**
   * What the edge enforces.
   *
   * @param minDownloadBytesPerSecond a response slower than this is cut (0: never)
   */
  record Edge(
      EdgeRules rules,
      Health health,
      int maxBodyBytes,
      Duration bodyDeadline,
      long minDownloadBytesPerSecond,
      Runnable shutdown,
      DownloadTransfers transfers,
      ActivityLog log,
      ApiHandler api) {}

  private final Edge edge;

  SandboxHttpServerFactory(Edge edge) {
    this.edge = edge;
  }

  @Override
  public HttpServer buildHttpServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs) {
    return new Jetty12HttpServer(options, admin, stubs) {
      @Override
      protected void applyAdditionalServerConfiguration(Server server, Options opts) {
        super.applyAdditionalServerConfiguration(server, opts);
        server.setErrorHandler(new JsonErrorHandler());
      }

      @Override
      protected ServerConnector createHttpConnector(
          String bind, int port, JettySettings settings, NetworkTrafficListener listener) {
        ServerConnector connector = super.createHttpConnector(bind, port, settings, listener);
        HttpConfiguration http =
            connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
        // A reader slower than this holds its download slot for nothing: Jetty cuts it.
        http.setMinResponseDataRate(edge.minDownloadBytesPerSecond());
        http.setSendServerVersion(false);
        return connector;
      }

      @Override
      protected Handler createHandler(
          Options opts, AdminRequestHandler adminHandler, StubRequestHandler stubHandler) {
        return new FrontDoor(
            super.createHandler(opts, adminHandler, stubHandler),
            edge.rules(),
            edge.health(),
            edge.maxBodyBytes(),
            edge.bodyDeadline(),
            edge.shutdown(),
            edge.transfers(),
            edge.log(),
            edge.api());
      }

      @Override
      protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new UnmatchedErrorHandler());
        // A GET no stub matched is answered by the not-matched renderer (the vendor's JSON 404),
        // not looked up as a file: __files holds stub bodies, never pages of their own.
        for (ServletHolder holder : context.getServletHandler().getServlets()) {
          if (WireMockHandlerDispatchingServlet.class.getName().equals(holder.getClassName())) {
            holder.setInitParameter(
                WireMockHandlerDispatchingServlet.SHOULD_FORWARD_TO_FILES_CONTEXT, "false");
          }
        }
      }

      @Override
      protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
        context.setErrorHandler(new JsonErrorHandler());
      }
    };
  }
}
