package pelcro.exports.attack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.LongAdder;

/**
 * A webhook receiver on 127.0.0.1 that accepts every delivery (204): with webhooks on, the sandbox
 * journals each event, and {@code export.downloaded} is the only place a download shows in the
 * state.
 */
public final class WebhookSink implements AutoCloseable {
  private final HttpServer server;
  private final LongAdder received = new LongAdder();

  public WebhookSink() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hooks",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.increment();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
  }

  public long received() {
    return received.sum();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
