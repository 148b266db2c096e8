package pelcro.exports.contract.support;

import java.io.IOException;
import java.net.ServerSocket;

/** A base URL where nothing listens: for the tests of what an unreachable target gets. */
public final class Unreachable {
  private Unreachable() {}

  /** {@code http://127.0.0.1:<port>/api/v1/core} on a port that was free a moment ago. */
  public static String baseUrl() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + closed + "/api/v1/core";
  }
}
