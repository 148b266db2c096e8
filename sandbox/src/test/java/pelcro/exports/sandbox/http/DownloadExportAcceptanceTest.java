package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static pelcro.exports.sandbox.Fixtures.*;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.assertNothingToExport;
import static pelcro.exports.sandbox.support.ExportCalls.failByHand;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;
import static pelcro.exports.sandbox.support.ExportCalls.postExport;

import io.restassured.response.Response;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.openapi.model.DownloadNotFoundError;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.support.ExportCalls;

/**
 * GET /exports/{uuid} over HTTP, and the lifecycle seen through {@code --list-mode jobs}. Uses a
 * fake ExportData: site 1002 has no records at all.
 */
class DownloadExportAcceptanceTest {
  private static final String NOT_READY =
      DownloadNotFoundError.MessageEnum.THE_EXPORT_IS_NOT_YET_READY_TO_BE_DOWNLOADED_.getValue();
  private static final String NOT_FOUND =
      DownloadNotFoundError.MessageEnum.THE_REQUESTED_FILE_WAS_NOT_FOUND_PLEASE_TRY_TO_EXPORT_AGAIN_
          .getValue();
  private static final String GONE =
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          .getValue();

  /**
   * Long enough that no test reaches it by itself on a slow machine: the tests advance the clock.
   */
  private static final int JOB = 60;

  @AutoClose private static Sandbox sandbox;
  private static final FakeData DATA = new FakeData();

  /** Site 1002 is empty; files are "id\n" plus the uuid. */
  static final class FakeData implements ExportData {
    final java.util.concurrent.atomic.AtomicInteger opens =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public boolean hasRecords(ExportQuery query, Instant asOf) {
      return query.siteId() != SECOND_SITE;
    }

    @Override
    public Optional<YearMonth> firstInvoiceMonth(long siteId) {
      return Optional.of(YearMonth.of(2020, 1));
    }

    @Override
    public ExportFile file(ExportQuery query, String uuid, Instant asOf) {
      String ext = query.type().equals("accounting") ? ".zip" : ".csv";
      return new ExportFile(
          query.type() + "-" + uuid + ext,
          () -> {
            opens.incrementAndGet();
            return new java.io.ByteArrayInputStream(("id\n" + uuid + "\n").getBytes());
          });
    }
  }

  @BeforeAll
  static void start() {
    // A fixed base clock: only the control API moves time, so no step depends on machine speed.
    sandbox =
        Sandbox.builder()
            .port(0)
            .jobSeconds(JOB)
            .listMode("jobs")
            .data(DATA)
            .clock(java.time.Clock.fixed(Instant.now(), java.time.ZoneOffset.UTC))
            .start();
  }

  @BeforeEach
  void reset() {
    control(sandbox).post("/reset").then().statusCode(200);
  }

  static String request(String key, long site, Map<String, Object> body) {
    return ExportCalls.requestExport(sandbox, key, site, body);
  }

  static Response download(String key, long site, String uuid) {
    return api(sandbox, key).queryParam("site_id", site).get("/exports/" + uuid);
  }

  static void advance(double seconds) {
    control(sandbox)
        .body("{\"seconds\": " + seconds + "}")
        .post("/clock/advance")
        .then()
        .statusCode(200);
  }

  @Test
  void answersNothingToExportWhenNoRecordOfTheSiteMatches() {
    assertNothingToExport(postExport(sandbox, ENTERPRISE, SECOND_SITE));
  }

  @Test
  void handsTheFileOutOnceAfterItFinishes() {
    String uuid = request(ENTERPRISE, SITE, subscriptions());
    download(ENTERPRISE, SITE, uuid).then().statusCode(404).body("message", equalTo(NOT_READY));
    advance(JOB);
    Response file = download(ENTERPRISE, SITE, uuid);
    file.then()
        .statusCode(200)
        .contentType("application/force-download")
        .header(
            "Content-Disposition",
            equalTo("attachment; filename=\"subscriptions-" + uuid + ".csv\""));
    assertThat(file.asString()).isEqualTo("id\n" + uuid + "\n");
    download(ENTERPRISE, SITE, uuid).then().statusCode(400).body("message", equalTo(GONE));
  }

  @Test
  void opensTheFileOnlyToStreamItNeverForWireMocksJournal() {
    String uuid = request(ENTERPRISE, SITE, ofType("payments"));
    advance(JOB);
    int before = DATA.opens.get();
    download(ENTERPRISE, SITE, uuid).then().statusCode(200);
    assertThat(DATA.opens.get() - before).isEqualTo(1);
  }

  @Test
  void answersUnknownAndOtherAccountsUuidsAsNotFound() {
    String uuid = request(ENTERPRISE, SITE, subscriptions());
    advance(JOB);
    download(ENTERPRISE_2, OTHER_ACCOUNT_SITE, uuid)
        .then()
        .statusCode(404)
        .body("message", equalTo(NOT_FOUND));
    download(ENTERPRISE, SITE, "0191e3f0-0000-7000-8000-000000000000")
        .then()
        .statusCode(404)
        .body("message", equalTo(NOT_FOUND));
    download(ENTERPRISE, SITE, uuid).then().statusCode(200);
  }

  @Test
  void answersAFailedExportAsNotFound() {
    String uuid = request(ENTERPRISE, SITE, subscriptions());
    failByHand(control(sandbox), uuid, "Disk full")
        .statusCode(200)
        .body("failed_reason", equalTo("Disk full"));
    download(ENTERPRISE, SITE, uuid).then().statusCode(404).body("message", equalTo(NOT_FOUND));
  }

  @Test
  void expiresAFileNobodyDownloadedWithinItsTimeToLive() {
    String uuid = request(ENTERPRISE, SITE, subscriptions());
    advance(JOB + 7 * 24 * 3600);
    download(ENTERPRISE, SITE, uuid).then().statusCode(400).body("message", equalTo(GONE));
  }

  @Test
  void servesAccountingAsAZipNamedForTheExport() {
    String month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1).toString();
    String uuid =
        request(
            ENTERPRISE, SITE, Map.of("object", "accounting", "month", month, "currency", "usd"));
    control(sandbox)
        .post("/exports/" + uuid + "/complete")
        .then()
        .statusCode(200)
        .body("finished_at", notNullValue());
    download(ENTERPRISE, SITE, uuid)
        .then()
        .statusCode(200)
        .header(
            "Content-Disposition", equalTo("attachment; filename=\"accounting-" + uuid + ".zip\""));
  }

  @Test
  void movesFromQueuedToStartedToFinishedWithTheClock() {
    String uuid = request(ENTERPRISE, SITE, subscriptions());
    Response queued = jobs();
    queued.then().body("data[0].uuid", equalTo(uuid)).body("data[0].started_at", nullValue());
    advance(1);
    Response started = jobs();
    started
        .then()
        .body("data[0].started_at", notNullValue())
        .body("data[0].finished_at", nullValue());
    assertThat(started.<Integer>path("data[0].updated_at"))
        .isEqualTo(started.<Integer>path("data[0].started_at"));
    advance(JOB - 1);
    Response finished = jobs();
    finished
        .then()
        .body("data[0].finished_at", notNullValue())
        .body("data[0].failed_reason", nullValue());
    assertThat(
            finished.<Integer>path("data[0].finished_at")
                - finished.<Integer>path("data[0].created_at"))
        .isBetween(JOB - 1, JOB + 1);
    assertThat(finished.<Integer>path("data[0].updated_at"))
        .isEqualTo(finished.<Integer>path("data[0].finished_at"));
  }

  @Test
  void listsTheAccountsJobsNewestFirstInPages() {
    for (String type : new String[] {"subscriptions", "invoices", "orders"}) {
      request(ENTERPRISE, SITE, ofType(type));
      advance(0.01);
    }
    request(ENTERPRISE_2, OTHER_ACCOUNT_SITE, subscriptions());
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", SITE)
        .queryParam("limit", 2)
        .get("/exports")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(2))
        .body("data[0].object", equalTo("orders"))
        .body("meta.total", equalTo(3))
        .body("meta.last_page", equalTo(2))
        .body("links.prev", nullValue())
        .body("links.next", notNullValue());
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", SITE)
        .queryParam("limit", 2)
        .queryParam("page", 2)
        .get("/exports")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(1))
        .body("data[0].object", equalTo("subscriptions"));
    // Above the documented 100, a page holds 100 (x-decision of Limit); --strict refuses it.
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", SITE)
        .queryParam("limit", 101)
        .get("/exports")
        .then()
        .statusCode(200)
        .body("meta.per_page", equalTo(100));
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", SITE)
        .queryParam("page", "abc")
        .get("/exports")
        .then()
        .statusCode(200)
        .body("meta.current_page", equalTo(1));
  }

  private static Response jobs() {
    return listExports(sandbox, ENTERPRISE, SITE);
  }
}
