package pelcro.exports.sandbox.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.clock.SandboxClock;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.memory.MemoryEngine;

/** Each lint rule, fed the exchanges that break it and the near misses that do not. */
class IntegratorLintTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final long ACCOUNT = 1;
  private static final String UUID = "0195f0a0-0000-7000-8000-000000000001";

  private final SandboxState state =
      new SandboxState(new MemoryEngine(), Clock.fixed(T0, ZoneOffset.UTC));
  private final SandboxClock clock = new SandboxClock(state.clocks());
  private final IntegratorLint lint =
      new IntegratorLint(
          state.clocks()::now,
          new LintLedger(state.lint()),
          new LintMemory(state.lint()),
          key -> key.equals("sk_test_enterprise") ? Optional.of(ACCOUNT) : Optional.empty());

  private static Exchange post(String body, int status, ApiError error) {
    return new Exchange(
        ACCOUNT,
        Exchange.REQUEST,
        null,
        Map.of("site_id", "1001"),
        body.getBytes(StandardCharsets.UTF_8),
        status,
        error == null ? null : error.message(),
        null,
        null);
  }

  private static Exchange download(int status, ApiError error) {
    return new Exchange(
        ACCOUNT,
        Exchange.DOWNLOAD,
        UUID,
        Map.of("site_id", "1001"),
        new byte[0],
        status,
        error == null ? null : error.message(),
        null,
        null);
  }

  private static Exchange list(Map<String, String> query, int status, Long retryAfter) {
    return new Exchange(
        ACCOUNT, Exchange.LIST, null, query, new byte[0], status, null, retryAfter, null);
  }

  private List<String> ids(Exchange exchange) {
    return lint.observe(exchange).stream().map(LintRule::id).toList();
  }

  private void after(double seconds) {
    clock.advance(Duration.ofMillis(Math.round(seconds * 1000)));
  }

  @Test
  void aCleanRequestBreaksNoRule() {
    assertThat(
            ids(
                post(
                    "{\"object\":\"subscriptions\",\"date_from\":1704067200,"
                        + "\"date_to\":1711929600,\"plan_id\":456,\"status\":\"active\"}",
                    200,
                    null)))
        .isEmpty();
    assertThat(
            ids(
                post(
                    "{\"object\":\"accounting\",\"month\":\"2024-01-01\",\"currency\":\"usd\"}",
                    200,
                    null)))
        .isEmpty();
    assertThat(lint.findings(null, null)).isEmpty();
  }

  @Test
  void namesFieldsThatHaveNoEffectOnTheType() {
    assertThat(
            ids(
                post(
                    "{\"object\":\"subscriptions\",\"date_from\":1,\"date_to\":2,"
                        + "\"currency\":\"usd\",\"foo\":1}",
                    200,
                    null)))
        .containsExactly("ignored-field");
    assertThat(lint.findings(ACCOUNT, "ignored-field"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.count()).as("one request, counted once").isEqualTo(1);
              assertThat(f.detail()).isEqualTo("currency on subscriptions; foo on subscriptions");
              assertThat(f.message())
                  .contains(
                      "request-export: https://docs.pelcro.com/reference/api-core-request-export");
            });
  }

  @Test
  void namesNumericStringsMonthsNotOnTheFirstAndMillisecondDates() {
    assertThat(
            ids(
                post(
                    "{\"object\":\"orders\",\"date_from\":1704067200000,"
                        + "\"date_to\":\"1711929600000\",\"sku_id\":\"1001\"}",
                    400,
                    ApiError.INVALID_DATA)))
        .containsExactly("numeric-string", "date-in-milliseconds");
    assertThat(
            ids(
                post(
                    "{\"object\":\"accounting\",\"month\":\"2024-01-15\",\"currency\":\"usd\"}",
                    200,
                    null)))
        .containsExactly("month-not-first-day");
    assertThat(lint.findings(ACCOUNT, "date-in-milliseconds").get(0).detail())
        .isEqualTo("date_from=1704067200000; date_to=1711929600000");
  }

  @Test
  void namesADownloadPolledAgainWithinASecondOfNotReadyThatIsStillNotReady() {
    assertThat(ids(download(404, ApiError.NOT_READY))).isEmpty();
    after(0.5);
    assertThat(ids(download(404, ApiError.NOT_READY))).containsExactly("download-polled-too-soon");
    after(1.0);
    assertThat(ids(download(404, ApiError.NOT_READY))).isEmpty();
    after(1.5);
    assertThat(ids(download(404, ApiError.NOT_READY))).isEmpty();
    after(0.2);
    assertThat(ids(download(200, null))).as("a poll that delivers is not wasted").isEmpty();
  }

  @Test
  void namesASecondDownloadOfADeliveredFileButNotAnExpiredOne() {
    assertThat(ids(download(400, ApiError.ALREADY_DOWNLOADED)))
        .as("expired, never delivered")
        .isEmpty();
    assertThat(ids(download(200, null))).isEmpty();
    after(60);
    assertThat(ids(download(400, ApiError.ALREADY_DOWNLOADED))).containsExactly("download-again");
  }

  @Test
  void namesARequestRepeatedWithinASecondOfInProgressOrNothingToExport() {
    String body = "{\"object\":\"credit_note\",\"date_from\":1,\"date_to\":2}";
    assertThat(ids(post(body, 409, ApiError.EXPORT_IN_PROGRESS))).isEmpty();
    after(0.2);
    assertThat(
            ids(
                post(
                    body.replace("credit_note", "credit_notes"), 409, ApiError.EXPORT_IN_PROGRESS)))
        .containsExactly("request-retried-too-soon");
    assertThat(ids(post(body.replace("credit_note", "orders"), 400, ApiError.NOTHING_TO_EXPORT)))
        .isEmpty();
    after(0.9);
    assertThat(ids(post(body.replace("credit_note", "orders"), 200, null)))
        .containsExactly("request-retried-too-soon");
    after(1.5);
    assertThat(ids(post(body, 200, null))).isEmpty();
  }

  @Test
  void namesAFailedOrUnknownUuidPolledAgainAfterNotFoundWhateverItsCase() {
    assertThat(ids(download(404, ApiError.FILE_NOT_FOUND))).isEmpty();
    after(30);
    assertThat(
            ids(
                new Exchange(
                    ACCOUNT,
                    Exchange.DOWNLOAD,
                    UUID.toUpperCase(),
                    Map.of("site_id", "1001"),
                    new byte[0],
                    404,
                    ApiError.FILE_NOT_FOUND.message(),
                    null,
                    null)))
        .containsExactly("not-found-polled");
    assertThat(lint.findings(ACCOUNT, "not-found-polled").get(0).detail()).isEqualTo(UUID);
    assertThat(ids(download(404, ApiError.NOT_READY))).as("not ready is another answer").isEmpty();
  }

  @Test
  void namesARefusedRequestSentAgainUnchangedButNotOnceItIsChanged() {
    String body = "{\"object\":\"credit_notes\",\"date_from\":5,\"date_to\":1}";
    assertThat(ids(post(body, 400, ApiError.INVALID_DATE_RANGE))).isEmpty();
    after(120);
    assertThat(
            ids(
                post(
                    "{\"date_to\":1, \"date_from\":5,\"object\":\"credit_note\"}",
                    400,
                    ApiError.INVALID_DATE_RANGE)))
        .as("same fields, another order and synonym")
        .containsExactly("refused-request-repeated");
    assertThat(ids(post(body.replace("5", "0"), 200, null))).isEmpty();
    String invalid = "{\"object\":\"orders\",\"date_from\":\"x\",\"date_to\":1}";
    assertThat(ids(post(invalid, 400, ApiError.INVALID_DATA))).isEmpty();
    assertThat(ids(post(invalid, 400, ApiError.INVALID_DATA)))
        .containsExactly("refused-request-repeated");
    assertThat(ids(post(invalid.replace("orders", "customers"), 400, ApiError.NOTHING_TO_EXPORT)))
        .isEmpty();
    after(5);
    assertThat(ids(post(invalid.replace("orders", "customers"), 400, ApiError.NOTHING_TO_EXPORT)))
        .as("nothing to export may change as records are added")
        .isEmpty();
  }

  @Test
  void namesNoRetryTooSoonWhenTheFiltersOrTheRangeChanged() {
    String narrow =
        "{\"object\":\"orders\",\"date_from\":1704067200,\"date_to\":1704153600,"
            + "\"status\":\"paid\"}";
    String wider = "{\"object\":\"orders\",\"date_from\":1701388800,\"date_to\":1704153600}";
    assertThat(ids(post(narrow, 400, ApiError.NOTHING_TO_EXPORT))).isEmpty();
    after(0.3);
    assertThat(ids(post(wider, 409, ApiError.EXPORT_IN_PROGRESS)))
        .as("the page's advice: widen, filter less")
        .isEmpty();
    assertThat(ids(post(wider, 409, ApiError.EXPORT_IN_PROGRESS)))
        .containsExactly("request-retried-too-soon");
    String later = wider.replace("1701388800", "1701475200");
    assertThat(ids(post(later, 409, ApiError.EXPORT_IN_PROGRESS))).isEmpty();
  }

  @Test
  void namesNoFindingAboutAFieldTheAnswerRefusedSaveOneThatSaysWhy() {
    Exchange refusedMonth =
        new Exchange(
            ACCOUNT,
            Exchange.REQUEST,
            null,
            Map.of("site_id", "1001"),
            "{\"object\":\"accounting\",\"month\":\"2023-02-29\",\"currency\":\"usd\"}"
                .getBytes(StandardCharsets.UTF_8),
            400,
            ApiError.INVALID_DATA.message(),
            null,
            Set.of("month"));
    assertThat(ids(refusedMonth)).isEmpty();
    Exchange refusedSku =
        new Exchange(
            ACCOUNT,
            Exchange.REQUEST,
            null,
            Map.of("site_id", "1001"),
            ("{\"object\":\"orders\",\"date_from\":1704067200000,\"date_to\":1,\"sku_id\":\"x1\","
                    + "\"plan_id\":\"7\"}")
                .getBytes(StandardCharsets.UTF_8),
            400,
            ApiError.INVALID_DATA.message(),
            null,
            Set.of("sku_id", "date_from", "plan_id"));
    assertThat(ids(refusedSku))
        .as("plan_id refused (strict): not named; milliseconds say why")
        .containsExactly("date-in-milliseconds");
  }

  @Test
  void namesAnIntegerSentWithAZeroFractionButNotAWholeNumber() {
    assertThat(
            ids(
                post(
                    "{\"object\":\"memberships\",\"date_from\":1,\"date_to\":2,"
                        + "\"plan_id\":456.0}",
                    200,
                    null)))
        .containsExactly("decimal-integer");
    assertThat(lint.findings(ACCOUNT, "decimal-integer").get(0).detail())
        .isEqualTo("plan_id=456.0");
    assertThat(
            ids(
                post(
                    "{\"object\":\"memberships\",\"date_from\":1,\"date_to\":2,"
                        + "\"plan_id\":456}",
                    200,
                    null)))
        .isEmpty();
  }

  @Test
  void namesADateTimeWithoutAZoneAsReadInUtcButNotADateOrAZonedOne() {
    assertThat(
            ids(
                post(
                    "{\"object\":\"orders\",\"date_from\":\"2024-01-01T00:00:00\","
                        + "\"date_to\":\"2024-01-31\"}",
                    200,
                    null)))
        .containsExactly("date-without-zone");
    assertThat(lint.findings(ACCOUNT, "date-without-zone").get(0).detail())
        .isEqualTo("date_from=\"2024-01-01T00:00:00\" read as UTC");
    assertThat(
            ids(
                post(
                    "{\"object\":\"customers\",\"date_from\":\"2024-01-01t00:00:00z\","
                        + "\"date_to\":\"2024-01-31 10:00:00+0200\"}",
                    200,
                    null)))
        .isEmpty();
  }

  @Test
  void namesARequestSentBeforeTheRetryAfterOfA429() {
    assertThat(ids(list(Map.of("site_id", "1001"), 429, 20L))).isEmpty();
    after(19);
    assertThat(ids(list(Map.of("site_id", "1001"), 429, 1L)))
        .containsExactly("retried-before-retry-after");
    after(1);
    assertThat(ids(list(Map.of("site_id", "1001"), 200, null))).isEmpty();
  }

  @Test
  void namesAKeyInTheQueryStringAndNeverRecordsTheKey() {
    Exchange anonymous =
        new Exchange(
            null,
            Exchange.LIST,
            null,
            Map.of("site_id", "1001", "api_key", "sk_test_enterprise"),
            new byte[0],
            401,
            "Unauthenticated.",
            null,
            null);

    assertThat(ids(anonymous)).containsExactly("key-in-query");
    assertThat(lint.findings(ACCOUNT, null))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detail()).isEqualTo("query parameter api_key");
              assertThat(f.toString()).doesNotContain("sk_test_enterprise");
            });
    assertThat(
            ids(
                new Exchange(
                    null,
                    Exchange.LIST,
                    null,
                    Map.of("token", "sk_unknown"),
                    new byte[0],
                    401,
                    null,
                    null,
                    null)))
        .as("unknown key: named, not recorded")
        .containsExactly("key-in-query");
    assertThat(lint.findings(null, null)).hasSize(1);
  }

  @Test
  void namesPageAndLimitOutsideTheDocumentedRange() {
    assertThat(ids(list(Map.of("site_id", "1001", "limit", "100", "page", "3"), 200, null)))
        .isEmpty();
    assertThat(ids(list(Map.of("site_id", "1001", "limit", "1000"), 200, null)))
        .containsExactly("pagination-out-of-range");
    assertThat(ids(list(Map.of("site_id", "1001", "page", "abc"), 200, null)))
        .containsExactly("pagination-out-of-range");
  }

  @Test
  void keepsFirstAndLastTimesOnTheSandboxClockAndForgetsOnClear() {
    String body = "{\"object\":\"customers\",\"date_from\":1,\"date_to\":2,\"status\":\"x\"}";
    lint.observe(post(body, 200, null));
    after(3600);
    lint.observe(post(body, 200, null));

    LintFinding finding = lint.findings(ACCOUNT, "ignored-field").get(0);
    assertThat(finding.firstAt()).isEqualTo(T0.getEpochSecond());
    assertThat(finding.lastAt()).isEqualTo(T0.getEpochSecond() + 3600);
    assertThat(finding.view())
        .containsKeys("account_id", "rule", "message", "count", "first_at", "last_at", "detail");
    lint.clear();
    assertThat(lint.findings(null, null)).isEmpty();
  }
}
