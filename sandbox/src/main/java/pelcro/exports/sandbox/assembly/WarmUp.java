package pelcro.exports.sandbox.assembly;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.Sessions;

/**
 * Sends each operation's outcomes one request over loopback before the sandbox says it is ready, as
 * a throwaway session account that is ended afterwards: the first requests of a fresh JVM load,
 * link and initialise the whole path (Jetty, WireMock, validation, the store, the data), and
 * without this the first export request took seconds, longer than a short job. One request of each
 * is enough for that; compiling hot code is left to the JIT under real load (a longer warm-up
 * delayed ready by more than it gained, docs/performance.md).
 *
 * <p>Nothing of it stays: no export that sends a webhook (the successful request runs only without
 * webhooks), no fault weighed (faults are scheduled after it), the account and all it owned ended.
 * Failures are ignored: warming up is an optimisation, never a reason not to start.
 */
public final class WarmUp {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** Accepted exports the warm-up requests, each of another type. */
  static final int ACCEPTED_EXPORTS = 4;

  private static final AtomicBoolean WARMED = new AtomicBoolean();
  private static final AtomicBoolean WARMED_EXPORTS = new AtomicBoolean();

  private WarmUp() {}

  /**
   * @param successfulExport whether one export may really be requested (no webhook would tell
   *     anyone)
   * @param ownAccount told the warm-up's accounts before their first request (so that {@code
   *     --verbose} leaves them out)
   */
  public static void run(
      String root,
      SandboxState state,
      boolean successfulExport,
      boolean helpers,
      LongConsumer ownAccount) {
    // Compiled code serves every sandbox of the JVM: a test run that starts one per test class
    // warms up once (again only when this one may also warm the path of an accepted export).
    boolean needed = successfulExport ? !WARMED_EXPORTS.get() : !WARMED.get();
    if (!needed) {
      return;
    }
    WARMED.set(true);
    WARMED_EXPORTS.compareAndSet(false, successfulExport);
    Sessions.Session session = state.sessions().create(Instant.now());
    ownAccount.accept(session.enterprise().id());
    ownAccount.accept(session.basic().id());
    try {
      new Client(root, session.enterprise().key(), Sessions.SITES.get(0))
          .requests(successfulExport, helpers);
    } finally {
      state.sessions().end(session.id());
      state.resetAccount(session.enterprise().id());
      state.resetAccount(session.basic().id());
    }
  }

  /** The warm-up's requests, as a client of the sandbox at {@code root} with one account's key. */
  private record Client(String root, String key, long site) {
    void requests(boolean successfulExport, boolean helpers) {
      String exports = "/api/v1/core/exports?site_id=" + site;
      send("GET", exports, null);
      // "Nothing to export" before the seeded data, once for a per-type export and once for the
      // accounting ZIP (a month too early): the two paths of the check. Each type's own code (its
      // request schema, its table's scan) is made ready before this by the validator and the
      // data's warm-up, so one type stands for all.
      send(
          "POST",
          exports,
          Map.of(
              "object",
              ExportType.SUBSCRIPTIONS.getValue(),
              "date_from",
              "2020-01-01",
              "date_to",
              1580515200));
      send(
          "POST",
          exports,
          Map.of(
              "object",
              ExportType.ACCOUNTING.getValue(),
              "month",
              "2020-01-01",
              "currency",
              "usd"));
      send("POST", exports, Map.of("object", "subscriptions"));
      send("GET", "/api/v1/core/exports/" + UUID.randomUUID() + "?site_id=" + site, null);
      if (successfulExport) {
        // A few accepted exports, each with its 409 and its download not yet ready: that path is
        // the same code for every type, and running it a few times gets its busiest methods
        // compiled before the first client's export (measured with bin/benchmark-api's first
        // requests: one pass left the first accepted export at 2.2-2.7 times the later ones,
        // four at 1.1-1.2). Each type's file is printed by the data's own warm-up.
        long now = Instant.now().getEpochSecond();
        List<ExportType> types =
            Arrays.stream(ExportType.values())
                .filter(type -> type != ExportType.ACCOUNTING)
                .limit(ACCEPTED_EXPORTS)
                .toList();
        for (ExportType type : types) {
          Map<String, Object> body =
              Map.of("object", type.getValue(), "date_from", now - 30L * 86_400, "date_to", now);
          String answer = send("POST", exports, body);
          send("POST", exports, body);
          String uuid =
              answer == null ? null : answer.replaceAll(".*\"uuid\":\"([^\"]+)\".*", "$1");
          if (uuid != null && !uuid.equals(answer)) {
            send("GET", "/api/v1/core/exports/" + uuid + "?site_id=" + site, null);
          }
        }
      }
      if (helpers) {
        send("GET", "/__sandbox/clock", null);
      }
    }

    /**
     * One request with the JDK's {@link HttpURLConnection}: plain HTTP over loopback needs nothing
     * more, and java.net.http's client would first build the default TLS context (some 600 classes
     * loaded and run once, before the sandbox may say it is ready).
     */
    String send(String method, String path, Object body) {
      try {
        HttpURLConnection http =
            (HttpURLConnection) URI.create(root + path).toURL().openConnection();
        http.setConnectTimeout((int) TIMEOUT.toMillis());
        http.setReadTimeout((int) TIMEOUT.toMillis());
        http.setRequestMethod(method);
        http.setRequestProperty("Authorization", "Bearer " + key);
        http.setRequestProperty("Content-Type", "application/json");
        if (body != null) {
          http.setDoOutput(true);
          try (OutputStream out = http.getOutputStream()) {
            out.write(JSON.writeValueAsBytes(body));
          }
        }
        InputStream in =
            http.getResponseCode() >= 400 ? http.getErrorStream() : http.getInputStream();
        if (in == null) {
          return "";
        }
        try (in) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        return null;
      }
    }
  }
}
