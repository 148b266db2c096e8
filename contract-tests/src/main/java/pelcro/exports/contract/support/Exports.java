package pelcro.exports.contract.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import pelcro.exports.openapi.model.ConflictError;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.openapi.model.DownloadNotFoundError;
import pelcro.exports.openapi.model.RequestExportError;

/**
 * Fixtures that create and finish exports the same way on every target: by the public API only,
 * waiting by polling (Awaitility) within {@code contract.timeoutSeconds}.
 */
public final class Exports {
  // The documented messages, verbatim, read from the code generated from the spec's error
  // schemas (their `message` enums), so that they are written only once, in the spec.
  /** The download page's messages. */
  public static final String NOT_READY =
      DownloadNotFoundError.MessageEnum.THE_EXPORT_IS_NOT_YET_READY_TO_BE_DOWNLOADED_.getValue();

  public static final String ALREADY_DOWNLOADED =
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          .getValue();
  public static final String NOT_FOUND =
      DownloadNotFoundError.MessageEnum.THE_REQUESTED_FILE_WAS_NOT_FOUND_PLEASE_TRY_TO_EXPORT_AGAIN_
          .getValue();

  /** The request page's Common Errors, and the validation message. */
  public static final String INVALID_DATE_RANGE =
      RequestExportError.MessageEnum.INVALID_DATE_RANGE.getValue();

  public static final String NOTHING_TO_EXPORT =
      RequestExportError.MessageEnum.NOTHING_TO_EXPORT.getValue();
  public static final String IN_PROGRESS = ConflictError.MessageEnum.EXPORT_IN_PROGRESS.getValue();
  public static final String INVALID_DATA =
      RequestExportError.MessageEnum.THE_GIVEN_DATA_WAS_INVALID_.getValue();

  private static final long DAY = 86_400;

  private Exports() {}

  /** A body for {@code type} over a recent range (the last 90 days), plus {@code extra} fields. */
  public static Map<String, Object> recent(String type, Object... extra) {
    long now = Target.get().nowEpochSeconds();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("object", type);
    if (type.equals("accounting")) {
      body.put("month", lastMonth(now));
      body.put("currency", "usd");
    } else {
      body.put("date_from", now - 90 * DAY);
      body.put("date_to", now - 60);
    }
    for (int i = 0; i + 1 < extra.length; i += 2) {
      body.put((String) extra[i], extra[i + 1]);
    }
    return body;
  }

  /** The first day of the month before {@code now}'s month, e.g. {@code 2026-10-01}. */
  public static String lastMonth(long now) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC)
        .withDayOfMonth(1)
        .minusMonths(1)
        .toString();
  }

  /** POST /exports as this caller, without waiting: the raw answer. */
  public static Response post(Account account, Map<String, Object> body) {
    return Api.as(account).contentType(ContentType.JSON).body(body).when().post("/exports");
  }

  /**
   * POST /exports, first waiting out an export of the same type that is still running on the
   * account (a leftover of an earlier run on a real account): the first answer other than 409.
   */
  public static Response postWhenFree(Account account, Map<String, Object> body) {
    AtomicReference<Response> last = new AtomicReference<>();
    await("a free slot for a " + body.get("object") + " export")
        .atMost(Target.get().timeout())
        .pollInterval(Duration.ofMillis(500))
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              Response r = post(account, body);
              last.set(r);
              return r.statusCode() != 409;
            });
    return last.get();
  }

  /** Requests an export (see {@link #postWhenFree}) and returns its 200 answer. */
  public static Response queue(Account account, Map<String, Object> body) {
    Response r = postWhenFree(account, body);
    assertThat(r.statusCode())
        .as(
            "request-export: a valid request must be queued with 200 {data: export} (body: %s)",
            r.asString())
        .isEqualTo(200);
    return r;
  }

  /** Requests an export (see {@link #postWhenFree}) and returns its uuid. */
  public static String request(Account account, Map<String, Object> body) {
    return queue(account, body).jsonPath().getString("data.uuid");
  }

  /**
   * Polls the download until the export is no longer "not yet ready"; returns that answer. On a
   * sandbox the export is completed first through the control API.
   */
  public static Response awaitDownload(Account account, String uuid) {
    // On a sandbox the wait is the control API's, not the job's real seconds.
    if (Target.get().hasControlApi()) {
      Target.get().admin().completeIfRunning(uuid);
    }
    AtomicReference<Response> last = new AtomicReference<>();
    await("export " + uuid + " to be ready")
        .atMost(Target.get().timeout())
        .pollInterval(Duration.ofMillis(250))
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              Response r = Api.quietlyAs(account).when().get("/exports/{uuid}", uuid);
              last.set(r);
              return !(r.statusCode() == 404 && NOT_READY.equals(message(r)));
            });
    // The polls are not credited; the answer the test goes on to check is.
    if (Target.get().recordsCoverage()) {
      CoverageLedger.record("downloadExport", last.get().statusCode());
    }
    return last.get();
  }

  /** Waits for the export and downloads it, so that its type is free again for the next test. */
  public static void drain(Account account, String uuid) {
    awaitDownload(account, uuid);
  }

  /**
   * Asserts a refusal: its status (the failure shows the body) and its exact message, each
   * described by the documented behaviour it checks.
   */
  public static void assertRefused(
      Response r, int status, String statusChecks, String message, String messageChecks) {
    assertThat(r.statusCode()).as("%s (body: %s)", statusChecks, r.asString()).isEqualTo(status);
    assertThat(message(r)).as(messageChecks).isEqualTo(message);
  }

  /**
   * Asserts a 400 that names {@code field} in its {@code errors} (core-errors): its status (the
   * failure shows the body) and the field, each described by the documented behaviour it checks.
   */
  public static void assertFieldRefused(
      Response r, String statusChecks, String field, String errorsChecks) {
    assertThat(r.statusCode()).as("%s (body: %s)", statusChecks, r.asString()).isEqualTo(400);
    assertThat(r.jsonPath().getMap("errors")).as(errorsChecks).containsKey(field);
  }

  /** The {@code message} of a JSON error body, or null. */
  public static String message(Response r) {
    try {
      return r.jsonPath().getString("message");
    } catch (RuntimeException e) {
      return null;
    }
  }
}
