package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.LocalRedis;
import pelcro.exports.sandbox.support.RedisServer;

/**
 * What one request costs in Redis, counted with {@code MONITOR} on a real {@code redis-server}: the
 * commands a node sends for each kind of request (a script counts once; the commands it runs
 * inside, shown by MONITOR as {@code [0 lua]}, are not sent by the node). One node, rate limiting
 * on, no webhook sender and no download long enough to renew its lease: nothing else talks to Redis
 * while a request is counted. Above three, as docs/scaling-out.md says: a returning Try-it key's
 * requests but its list (held to two more than the same request with a key of the accounts file), a
 * download that a fault strikes (held to four: the strike is weighed after the claim) and a new
 * Try-it key's first request (held to four more than with a key of the accounts file: its
 * creation's read and commit). Left out: a reset of the whole sandbox (one {@code SCAN} per page of
 * keys).
 */
class RedisCommandsPerRequestTest {
  private static final int MOST = 3;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BODY =
      "{\"object\":\"subscriptions\",\"date_from\":1704067200,\"date_to\":1706745600}";
  private static final String INVALID = "{\"object\":\"invoices\",\"date_from\":1704067200}";
  private static final String LIST_ERROR =
      "{\"kind\":\"operation_error\",\"operation\":\"listExports\",\"status\":503,\"times\":1}";
  private static final String SLOW_DOWNLOAD =
      "{\"kind\":\"download_slow\",\"type\":\"invoices\",\"bytes_per_second\":100000000,"
          + "\"times\":1}";
  private static final String FAULT =
      "{\"kind\":\"export_fails_at_start\",\"type\":\"orders\",\"times\":1}";

  private static LocalRedis redis;
  private static Sandbox sandbox;
  private static Monitor monitor;

  @BeforeAll
  static void startOneNodeOnRedis() throws Exception {
    RedisServer.assumeInstalled();
    redis = LocalRedis.start(false);
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(60)
            .rateLimit(100_000)
            .admin(true)
            .tryIt(true)
            .state(redis.uri())
            .start();
    monitor = new Monitor(redis.port());
    api("GET", "/exports?site_id=" + SITE, null); // scripts loaded, connection made
  }

  @AfterAll
  static void stop() throws Exception {
    if (monitor != null) {
      monitor.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void everyKindOfRequestSendsAtMostThreeCommandsToRedis() throws Exception {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    sent.put("list", count(() -> expect(200, api("GET", "/exports?site_id=" + SITE, null))));
    String[] uuid = new String[1];
    sent.put(
        "POST accepted",
        count(
            () -> {
              HttpResponse<String> accepted = api("POST", "/exports?site_id=" + SITE, BODY);
              expect(200, accepted);
              uuid[0] = JSON.readTree(accepted.body()).path("data").path("uuid").asText();
            }));
    sent.put(
        "POST 409 in progress",
        count(() -> expect(409, api("POST", "/exports?site_id=" + SITE, BODY))));
    sent.put(
        "POST 400 invalid",
        count(() -> expect(400, api("POST", "/exports?site_id=" + SITE, INVALID))));
    String download = "/exports/" + uuid[0] + "?site_id=" + SITE;
    sent.put("download, not ready", count(() -> expect(404, api("GET", download, null))));
    sent.put(
        "test helper: clock advance",
        count(
            () ->
                expect(
                    200,
                    send(
                        "POST",
                        "/__sandbox/clock/advance",
                        "{\"seconds\":61}",
                        "Bearer " + ENTERPRISE))));
    sent.put(
        "download",
        count(
            () -> {
              expect(200, api("GET", download, null));
              // The confirmation is made once the last byte is written, after the answer.
              Awaitility.await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> monitor.jobDownloaded(uuid[0]));
            }));
    sent.put("download, already downloaded", count(() -> expect(400, api("GET", download, null))));
    sent.put(
        "control: account clock advance",
        count(
            () ->
                expect(
                    200,
                    send(
                        "POST",
                        "/__admin/sandbox/accounts/1/clock/advance",
                        "{\"seconds\":1}",
                        null))));
    sent.put(
        "control: clock",
        count(() -> expect(200, send("GET", "/__admin/sandbox/clock", null, null))));
    String orders = accepted("orders");
    sent.put(
        "control: complete",
        count(() -> expect(200, control("POST", "/exports/" + orders + "/complete", null))));
    String invoices = accepted("invoices");
    sent.put(
        "control: fail",
        count(() -> expect(200, control("POST", "/exports/" + invoices + "/fail", "{}"))));
    String[] session = new String[1];
    sent.put(
        "control: new session",
        count(
            () -> {
              HttpResponse<String> made = control("POST", "/sessions", null);
              expect(200, made);
              session[0] = JSON.readTree(made.body()).path("session_id").asText();
            }));
    sent.put(
        "control: end a session",
        count(() -> expect(200, control("DELETE", "/sessions/" + session[0], null))));
    String[] fault = new String[1];
    sent.put(
        "control: schedule a fault",
        count(
            () -> {
              HttpResponse<String> added = control("POST", "/faults", FAULT);
              expect(200, added);
              fault[0] = JSON.readTree(added.body()).path("data").path(0).path("id").asText();
            }));
    sent.put(
        "control: remove a fault",
        count(() -> expect(200, control("DELETE", "/faults/" + fault[0], null))));
    expect(200, control("POST", "/faults", FAULT));
    sent.put(
        "control: clear the faults", count(() -> expect(200, control("DELETE", "/faults", null))));
    sent.put(
        "control: reset an account",
        count(() -> expect(200, control("POST", "/accounts/1/reset", null))));
    sent.put(
        "test helper: reset the account",
        count(() -> expect(200, send("POST", "/__sandbox/reset", null, "Bearer " + ENTERPRISE))));

    expect(200, control("POST", "/faults", FAULT));
    Map<String, List<String>> withFault = new LinkedHashMap<>();
    withFault.put(
        "fault scheduled: list",
        count(() -> expect(200, api("GET", "/exports?site_id=" + SITE, null))));
    withFault.put(
        "fault scheduled: POST of another type",
        count(() -> expect(200, api("POST", "/exports?site_id=" + SITE, BODY))));
    withFault.put(
        "fault scheduled: POST that it strikes",
        count(
            () ->
                expect(
                    200,
                    api(
                        "POST",
                        "/exports?site_id=" + SITE,
                        BODY.replace("subscriptions", "orders")))));
    // An occasion no fault aims at costs nothing; a strike that shapes a new export is one commit.
    sent.putAll(withFault);
    expect(200, control("DELETE", "/faults", null));

    Map<String, List<String>> above = new LinkedHashMap<>();
    expect(200, control("POST", "/faults", LIST_ERROR));
    sent.put(
        "fault strikes: list answered 503",
        count(() -> expect(503, api("GET", "/exports?site_id=" + SITE, null))));
    String slowed = accepted("invoices");
    expect(
        200, send("POST", "/__sandbox/clock/advance", "{\"seconds\":61}", "Bearer " + ENTERPRISE));
    expect(200, control("POST", "/faults", SLOW_DOWNLOAD));
    above.put(
        "fault strikes: download slowed",
        count(
            () -> {
              expect(200, api("GET", "/exports/" + slowed + "?site_id=" + SITE, null));
              Awaitility.await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> monitor.jobDownloaded(slowed));
            }));
    expect(200, control("DELETE", "/faults", null));

    String visitor = "Bearer sk_try_" + UUID.randomUUID().toString().replace("-", "");
    Map<String, List<String>> tryIt = new LinkedHashMap<>();
    tryIt.put(
        "Try-it: a new key's first list",
        count(() -> expect(200, send("GET", "/api/v1/core/exports?site_id=1001", null, visitor))));
    tryIt.put(
        "Try-it: a returning key's list",
        count(() -> expect(200, send("GET", "/api/v1/core/exports?site_id=1001", null, visitor))));
    String[] tenantExport = new String[1];
    tryIt.put(
        "Try-it: a returning key's POST accepted",
        count(
            () -> {
              HttpResponse<String> made =
                  send("POST", "/api/v1/core/exports?site_id=1001", BODY, visitor);
              expect(200, made);
              tenantExport[0] = JSON.readTree(made.body()).path("data").path("uuid").asText();
            }));
    tryIt.put(
        "Try-it: a returning key's POST 409",
        count(() -> expect(409, send("POST", "/api/v1/core/exports?site_id=1001", BODY, visitor))));
    expect(200, send("POST", "/__sandbox/clock/advance", "{\"seconds\":61}", visitor));
    String tenant = monitor.tenantOf(visitor.substring("Bearer ".length()));
    tryIt.put(
        "Try-it: a returning key's download",
        count(
            () -> {
              expect(
                  200,
                  send(
                      "GET",
                      "/api/v1/core/exports/" + tenantExport[0] + "?site_id=1001",
                      null,
                      visitor));
              Awaitility.await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> monitor.jobDownloaded(tenant, tenantExport[0]));
            }));
    String other = "Bearer sk_try_" + UUID.randomUUID().toString().replace("-", "");
    tryIt.put(
        "Try-it: a new key's first POST",
        count(() -> expect(200, send("POST", "/api/v1/core/exports?site_id=1001", BODY, other))));
    tryIt.forEach((kind, commands) -> System.out.println(kind + ": " + commands));
    above.forEach((kind, commands) -> System.out.println(kind + ": " + commands));
    // A returning visitor is found and marked as used in one read: no sweep of the idle tenants.
    sent.put("Try-it: a returning key's list", tryIt.get("Try-it: a returning key's list"));

    sent.forEach((kind, commands) -> System.out.println(kind + ": " + commands));
    // A returning Try-it key costs two commands more than a key of the accounts file: the sandbox
    // clock and the key's lookup (which marks its tenant as used), both before the request's read.
    Map<String, String> sameWithAFileKey =
        Map.of(
            "Try-it: a returning key's POST accepted", "POST accepted",
            "Try-it: a returning key's POST 409", "POST 409 in progress",
            "Try-it: a returning key's download", "download");
    sameWithAFileKey.forEach(
        (kind, same) ->
            assertThat(tryIt.get(kind))
                .as("commands sent for " + kind)
                .hasSizeLessThanOrEqualTo(sent.get(same).size() + 2));
    // A new key: four more, its creation's read and commit after the clock and the lookup.
    Map.of(
            "Try-it: a new key's first list",
            "list",
            "Try-it: a new key's first POST",
            "POST accepted")
        .forEach(
            (kind, same) ->
                assertThat(tryIt.get(kind))
                    .as("commands sent for " + kind)
                    .hasSizeLessThanOrEqualTo(sent.get(same).size() + 4));
    assertThat(above.get("fault strikes: download slowed"))
        .as("commands sent for a download that a fault strikes")
        .hasSizeLessThanOrEqualTo(MOST + 1);
    sent.forEach(
        (kind, commands) ->
            assertThat(commands).as("commands sent for " + kind).hasSizeLessThanOrEqualTo(MOST));
  }

  private interface Exchange {
    void run() throws Exception;
  }

  /**
   * The commands the node sent while {@code exchange} ran (its name and first argument), the lint
   * writer's commit of the exchange's notes included: the node is let go quiet before and after.
   */
  private static List<String> count(Exchange exchange) throws Exception {
    monitor.awaitQuiet();
    String before = monitor.mark();
    exchange.run();
    monitor.awaitQuiet();
    String after = monitor.mark();
    return monitor.sentBetween(before, after);
  }

  /** A new export of {@code type} (the enterprise account's), its uuid. */
  private static String accepted(String type) throws Exception {
    HttpResponse<String> made =
        api("POST", "/exports?site_id=" + SITE, BODY.replace("subscriptions", type));
    expect(200, made);
    return JSON.readTree(made.body()).path("data").path("uuid").asText();
  }

  private static HttpResponse<String> control(String method, String path, String body)
      throws Exception {
    return send(method, "/__admin/sandbox" + path, body, null);
  }

  private static void expect(int status, HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
  }

  private static HttpResponse<String> api(String method, String path, String body)
      throws Exception {
    return send(method, "/api/v1/core" + path, body, "Bearer " + ENTERPRISE);
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandbox.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * {@code MONITOR} on one connection, and a second connection of the test's own whose commands
   * (markers, checks) are told apart by its address.
   */
  private static final class Monitor implements AutoCloseable {
    private final Socket feed;
    private final Socket own;
    private final BufferedReader ownReplies;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    Monitor(int port) throws Exception {
      feed = new Socket("127.0.0.1", port);
      own = new Socket("127.0.0.1", port);
      ownReplies =
          new BufferedReader(new InputStreamReader(own.getInputStream(), StandardCharsets.UTF_8));
      feed.getOutputStream().write(command("MONITOR"));
      BufferedReader in =
          new BufferedReader(new InputStreamReader(feed.getInputStream(), StandardCharsets.UTF_8));
      in.readLine(); // +OK
      reader =
          new Thread(
              () -> {
                try {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                      lines.add(line);
                      lines.notifyAll();
                    }
                  }
                } catch (Exception closed) {
                  // the test is over
                }
              },
              "redis-monitor");
      reader.setDaemon(true);
      reader.start();
    }

    /**
     * Waits until the node has sent nothing for 200 ms (the lint writer commits an exchange's notes
     * just after its answer), at most 5 s.
     */
    void awaitQuiet() throws InterruptedException {
      String mine = "127.0.0.1:" + own.getLocalPort() + "]";
      long deadline = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < deadline) {
        long seen;
        synchronized (lines) {
          seen = lines.stream().filter(l -> !l.contains(mine)).count();
        }
        Thread.sleep(200);
        synchronized (lines) {
          if (lines.stream().filter(l -> !l.contains(mine)).count() == seen) {
            return;
          }
        }
      }
    }

    /** Sends a marker of the test's own and waits until MONITOR shows it. */
    String mark() throws Exception {
      String marker = "mark-" + UUID.randomUUID();
      ask("ECHO", marker);
      synchronized (lines) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (lines.stream().noneMatch(l -> l.contains(marker))) {
          long left = deadline - System.currentTimeMillis();
          assertThat(left).as("MONITOR shows the marker").isPositive();
          lines.wait(left);
        }
      }
      return marker;
    }

    /** Whether the export's job says it was downloaded (asked on the test's own connection). */
    boolean jobDownloaded(String uuid) throws Exception {
      return jobDownloaded("1", uuid);
    }

    /** As {@link #jobDownloaded(String)}, for the export of another account. */
    boolean jobDownloaded(String account, String uuid) throws Exception {
      String data = ask("HGET", "exports-sandbox:h:job:{a" + account + "}:" + uuid, "d");
      return data != null && !data.contains("\"downloadedAt\":null");
    }

    /** The id of the Try-it tenant of {@code key}. */
    String tenantOf(String key) throws Exception {
      return ask("HGET", "exports-sandbox:h:keyid:" + key, "d");
    }

    /** The commands sent by anyone but the test between two markers, scripts' insides left out. */
    List<String> sentBetween(String from, String to) {
      String mine = "127.0.0.1:" + own.getLocalPort() + "]";
      List<String> sent = new ArrayList<>();
      synchronized (lines) {
        boolean inside = false;
        for (String line : lines) {
          if (line.contains(from)) {
            inside = true;
          } else if (line.contains(to)) {
            break;
          } else if (inside && !line.contains(mine) && !line.contains(" lua]")) {
            String[] words = line.split("\"");
            sent.add(words.length > 3 ? words[1] + " " + words[3] : line);
          }
        }
      }
      return sent;
    }

    private String ask(String... words) throws Exception {
      OutputStream out = own.getOutputStream();
      out.write(command(words));
      out.flush();
      String head = ownReplies.readLine();
      if (head.startsWith("$")) {
        int length = Integer.parseInt(head.substring(1));
        if (length < 0) {
          return null;
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
          read += ownReplies.read(body, read, length - read);
        }
        ownReplies.readLine();
        return new String(body);
      }
      return head.substring(1);
    }

    private static byte[] command(String... words) {
      StringBuilder text = new StringBuilder("*" + words.length + "\r\n");
      for (String word : words) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        text.append('$').append(bytes.length).append("\r\n").append(word).append("\r\n");
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
      feed.close();
      own.close();
    }
  }
}
