package pelcro.exports.sandbox.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Test webhook receiver on 127.0.0.1: records raw bodies and signatures, answers a scripted status.
 */
final class Receiver implements AutoCloseable {
  record Received(String body, String signature) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();

  /** Calls answered so far (a hanging receiver answers late). */
  final AtomicInteger answered = new AtomicInteger();

  private final HttpServer server;

  Receiver(IntSupplier status, long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          calls.incrementAndGet();
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  new String(body, StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst(WebhookSigner.HEADER)));
          if (delayMillis > 0) {
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          exchange.sendResponseHeaders(status.getAsInt(), -1);
          exchange.close();
          answered.incrementAndGet();
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
