package pelcro.exports.contract.support;

import java.util.function.UnaryOperator;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;

/**
 * Starts the sandbox in this JVM through its embedding API, for the default target and for the
 * tests that need a sandbox of their own (a low rate limit, the jobs list mode).
 */
public final class InProcessSandbox implements AutoCloseable {
  private final Sandbox sandbox;

  private InProcessSandbox(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /**
   * Starts a sandbox on a free 127.0.0.1 port with the control API on and short jobs; the suite's
   * own traffic is not rate-limited, since the limit has a test of its own.
   */
  public static InProcessSandbox start(UnaryOperator<SandboxBuilder> settings) {
    SandboxBuilder builder =
        Sandbox.builder()
            .port(0)
            .bind("127.0.0.1")
            .admin(true)
            .jobSeconds(2)
            .seed(42L)
            .rateLimit(0);
    return new InProcessSandbox(settings.apply(builder).start());
  }

  /** {@code http://127.0.0.1:<port>/api/v1/core}. */
  public String baseUrl() {
    return sandbox.baseUrl();
  }

  /** {@code http://127.0.0.1:<port>}, where {@code /__admin/sandbox} lives. */
  public String rootUrl() {
    return sandbox.rootUrl();
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
