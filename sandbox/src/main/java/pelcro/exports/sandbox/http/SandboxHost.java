package pelcro.exports.sandbox.http;

import java.util.List;
import pelcro.exports.sandbox.store.Accounts;

/**
 * The serving of the sandbox's routes, as the sandbox sees it: its own server ({@link
 * SandboxServer}) or someone's WireMock server ({@link SandboxExtensions}).
 */
public interface SandboxHost extends AutoCloseable {
  /** The port it listens on; -1 when it is someone else's server (not known here). */
  int port();

  /** Empties the request journal of the sandbox's own server (nothing otherwise). */
  void forgetRequests();

  /** The warnings about stubs that would answer one of the sandbox's paths, at start. */
  List<String> shadowingStubs();

  @Override
  void close();

  /** How the sandbox's routes come to be served. */
  @FunctionalInterface
  interface Factory {
    SandboxHost host(
        SandboxServer.Settings settings,
        Accounts accounts,
        SandboxServer.Operations ops,
        SandboxServer.Extras extras);
  }
}
