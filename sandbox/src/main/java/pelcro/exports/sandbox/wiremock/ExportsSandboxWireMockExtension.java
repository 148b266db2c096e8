package pelcro.exports.sandbox.wiremock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;
import pelcro.exports.sandbox.http.SandboxExtensions;

/**
 * The sandbox as a WireMock extension: registered in a {@code WireMockServer} or WireMock's JUnit 5
 * {@code WireMockExtension} of your own, that server answers the Exports API, the test helpers
 * ({@code /__sandbox}), the docs page, and with its admin API the control API ({@code
 * /__admin/sandbox}), with the sandbox's lint and faults; your stubs answer every other path.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WireMockExtension wm = WireMockExtension.newInstance()
 *     .options(wireMockConfig().dynamicPort()
 *         .extensions(new ExportsSandboxWireMockExtension()))
 *     .build();
 * }</pre>
 *
 * <p>The sandbox starts when the server is built and closes when it stops.
 */
public final class ExportsSandboxWireMockExtension implements ExtensionFactory {
  private final SandboxBuilder options;
  private volatile Sandbox sandbox;

  /** The sandbox's defaults (its built-in accounts, 3-second jobs, the vendor's rate limit). */
  public ExportsSandboxWireMockExtension() {
    this(Sandbox.builder());
  }

  /**
   * The sandbox with these options, e.g. {@code Sandbox.builder().jobSeconds(1).rateLimit(0)}. Its
   * port, bind address, journal and body limits are the WireMock server's own.
   */
  public ExportsSandboxWireMockExtension(SandboxBuilder options) {
    this.options = options;
  }

  @Override
  public List<Extension> create(WireMockServices services) {
    AtomicReference<SandboxExtensions> hosted = new AtomicReference<>();
    Sandbox started =
        options.startHostedBy(
            (settings, accounts, ops, extras) -> {
              SandboxExtensions routes = new SandboxExtensions(settings, accounts, ops, extras);
              hosted.set(routes);
              return routes;
            });
    sandbox = started;
    return hosted.get().extensions(services, started::close);
  }

  /**
   * The running sandbox (its accounts, clock and lint); null until the WireMock server that
   * registers this extension is built. Its URLs are the WireMock server's ({@code baseUrl()} of
   * your server plus {@code /api/v1/core}), not those of {@link Sandbox#rootUrl()}.
   */
  public Sandbox sandbox() {
    return sandbox;
  }
}
