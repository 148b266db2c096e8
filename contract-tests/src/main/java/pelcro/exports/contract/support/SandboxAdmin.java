package pelcro.exports.contract.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/** The sandbox's control API: reset, clock and forced outcomes. Used by sandbox-only tests. */
public final class SandboxAdmin {
  /** Sandbox clock minus this machine's clock, per sandbox: one read instead of one per request. */
  private static final java.util.Map<String, Long> OFFSETS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final String root;

  SandboxAdmin(String rootUrl) {
    this.root = rootUrl + "/__admin/sandbox";
  }

  /** {@code <root>/__admin/sandbox}. */
  public String url() {
    return root;
  }

  public void reset() {
    OFFSETS.remove(root);
    given().post(root + "/reset").then().statusCode(200);
  }

  public void advanceClock(long seconds) {
    OFFSETS.remove(root);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("seconds", seconds))
        .post(root + "/clock/advance")
        .then()
        .statusCode(200);
  }

  /** A session's accounts: an Enterprise one (its first site) and a non-Enterprise one. */
  public record Session(String id, Account enterprise, Account basic) {}

  /** Opens a session: fresh accounts no other caller uses ({@code POST /sessions}). */
  public Session openSession() {
    JsonPath s = given().post(root + "/sessions").then().statusCode(200).extract().jsonPath();
    return new Session(
        s.getString("session_id"),
        new Account(s.getString("enterprise_key"), s.getLong("site_ids[0]")),
        new Account(s.getString("basic_key"), s.getLong("basic_site_id")));
  }

  /** Ends a session and everything its accounts owned. */
  public void endSession(String id) {
    given().delete(root + "/sessions/" + id);
  }

  /**
   * Finishes an export now if it still runs; nothing when it has already finished or failed (the
   * suite's waits on a sandbox, instead of the job's real time).
   */
  public void completeIfRunning(String uuid) {
    given().post(root + "/exports/" + uuid + "/complete");
  }

  public void complete(String uuid) {
    given().post(root + "/exports/" + uuid + "/complete").then().statusCode(200);
  }

  public void fail(String uuid, String reason) {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post(root + "/exports/" + uuid + "/fail")
        .then()
        .statusCode(200);
  }

  /** The sandbox clock's present. */
  public long clockEpochSeconds() {
    long offset =
        OFFSETS.computeIfAbsent(root, r -> readClock() - System.currentTimeMillis() / 1000);
    return System.currentTimeMillis() / 1000 + offset;
  }

  /** Reads the sandbox clock leniently (seconds, millis or ISO-8601). */
  private long readClock() {
    String body = given().get(root + "/clock").then().statusCode(200).extract().asString();
    JsonPath json = JsonPath.from(body);
    for (String field : new String[] {"epoch_seconds", "epochSeconds", "now", "time", "instant"}) {
      Object v = json.get(field);
      if (v instanceof Number n) {
        long value = n.longValue();
        return value > 100_000_000_000L ? value / 1000 : value;
      }
      if (v instanceof String s) {
        try {
          return Instant.parse(s).getEpochSecond();
        } catch (RuntimeException e) {
          try {
            return OffsetDateTime.parse(s).toEpochSecond();
          } catch (RuntimeException ignored) {
            // try the next field
          }
        }
      }
    }
    throw new IllegalStateException("Cannot read the sandbox clock from " + body);
  }
}
