package pelcro.exports.sandbox.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a Redis, for tests of a connection that breaks at the worst
 * moment: once {@link #dropNextReplyTo armed}, it forwards the next command that names the given
 * word (say {@code EVALSHA}) to Redis, and when Redis' reply comes back it closes the client's
 * connection instead of forwarding it. Redis has run the command; the client never learns its
 * outcome. Every later connection is forwarded faithfully.
 */
public final class ReplyDroppingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int redisPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicBoolean armed = new AtomicBoolean();
  private final AtomicInteger dropped = new AtomicInteger();
  private volatile byte[] word = new byte[0];

  private ReplyDroppingProxy(ServerSocket server, int redisPort) {
    this.server = server;
    this.redisPort = redisPort;
  }

  /** Starts one in front of the Redis on {@code redisPort} of 127.0.0.1. */
  public static ReplyDroppingProxy start(int redisPort) throws IOException {
    ReplyDroppingProxy proxy =
        new ReplyDroppingProxy(
            new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), redisPort);
    Thread acceptor = new Thread(proxy::accept, "reply-dropping-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
    return proxy;
  }

  public String uri() {
    return "redis://127.0.0.1:" + server.getLocalPort();
  }

  /** The next command naming {@code command} runs on Redis, and its reply is lost. */
  public void dropNextReplyTo(String command) {
    word = command.getBytes(StandardCharsets.US_ASCII);
    armed.set(true);
  }

  /** How many replies were dropped so far. */
  public int dropped() {
    return dropped.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket redis = new Socket(InetAddress.getLoopbackAddress(), redisPort);
        sockets.add(client);
        sockets.add(redis);
        AtomicBoolean dropReply = new AtomicBoolean();
        pump(client, redis, dropReply, true);
        pump(redis, client, dropReply, false);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  /**
   * Copies one direction. Towards Redis, it watches for the armed command; towards the client, a
   * reply to it closes both sockets instead.
   */
  private void pump(Socket from, Socket to, AtomicBoolean dropReply, boolean towardsRedis) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  if (towardsRedis
                      && armed.get()
                      && contains(buffer, read, word)
                      && armed.compareAndSet(true, false)) {
                    dropReply.set(true);
                  } else if (!towardsRedis && dropReply.get()) {
                    dropped.incrementAndGet();
                    from.close();
                    to.close();
                    return;
                  }
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // the other direction closed the pair
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "reply-dropping-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static boolean contains(byte[] buffer, int length, byte[] word) {
    outer:
    for (int i = 0; i + word.length <= length; i++) {
      for (int j = 0; j < word.length; j++) {
        if (Character.toUpperCase(buffer[i + j]) != word[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    sockets.forEach(ReplyDroppingProxy::closeQuietly);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
