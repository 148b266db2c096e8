package pelcro.exports.attack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Well-behaved visitors on 127.0.0.1: each lists the export types (or jobs) with its own key once
 * per interval, with the JDK client, and records how long each request took into the current
 * scenario's {@link Latency}. A request that fails or answers anything but 200 counts as an error
 * (with its time).
 */
public final class NormalClients implements AutoCloseable {
  private final List<RequestGenerator.Account> accounts;
  private final String root;
  private final Duration interval;
  private final Duration timeout;
  private final AtomicReference<Latency> current = new AtomicReference<>(new Latency("idle"));
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  public NormalClients(
      String root, List<RequestGenerator.Account> accounts, Duration interval, Duration timeout) {
    this.root = root;
    this.accounts = List.copyOf(accounts);
    this.interval = interval;
    this.timeout = timeout;
  }

  /** Starts one thread per account. */
  public void start() {
    for (RequestGenerator.Account account : accounts) {
      Thread t = new Thread(() -> loop(account), "normal-client");
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** From now on, requests count towards a new window named {@code scenario}. */
  public Latency measure(String scenario) {
    Latency window = new Latency(scenario);
    current.set(window);
    return window;
  }

  private void loop(RequestGenerator.Account account) {
    // Each visitor has its own client, so its own connection: visitors do not share sockets.
    JdkSender http = new JdkSender(root, timeout, 1 << 16);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(root + "/api/v1/core/exports?site_id=" + account.sites().get(0)))
            .header("Authorization", "Bearer " + account.key())
            .timeout(timeout)
            .GET()
            .build();
    long stagger = (long) (Math.random() * interval.toMillis());
    sleep(stagger);
    while (running) {
      long started = System.nanoTime();
      Answer answer = http.exchange(request, "GET");
      long took = System.nanoTime() - started;
      Latency window = current.get();
      if (answer.answered() && answer.status() == 200) {
        window.add(took);
      } else {
        window.error(took);
      }
      sleep(Math.max(0, interval.toMillis() - took / 1_000_000));
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    for (Thread t : threads) {
      t.interrupt();
    }
  }
}
