package pelcro.exports.contract.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The pacer against a simulated target on a fake clock: a fixed one-minute window per account, as
 * the sandbox counts (and as Laravel's throttle does from a window's first request).
 */
class PacerTest {
  private static final long SECOND = 1_000_000_000L;
  private static final String KEY = "127.0.0.1:8080 Bearer sk_test_enterprise";

  /** The fake clock, moved by the pacer's sleeps and by each request's round trip. */
  private long now = 1_000 * SECOND;

  private final List<Long> waits = new ArrayList<>();

  private Pacer pacer(int configured) {
    return new Pacer(
        configured,
        () -> now,
        nanos -> {
          waits.add(nanos);
          now += nanos;
        });
  }

  /**
   * A target limiting each account to {@code limit} requests per fixed minute, windows starting at
   * {@code phase}.
   */
  private static final class Target {
    final int limit;
    final long phase;
    final boolean headers;
    final Map<Long, Integer> counted = new HashMap<>();
    int refused;

    Target(int limit, long phase, boolean headers) {
      this.limit = limit;
      this.phase = phase;
      this.headers = headers;
    }

    /** Counts a request arriving at {@code at}; its status and headers. */
    Answer handle(long at) {
      long window = Math.floorDiv(at - phase, 60 * SECOND);
      int used = counted.getOrDefault(window, 0);
      if (used >= limit) {
        refused++;
        long retryAfter =
            Math.max(1, ((window + 1) * 60 * SECOND + phase - at + SECOND - 1) / SECOND);
        return new Answer(429, header(0, retryAfter));
      }
      counted.put(window, used + 1);
      return new Answer(200, header(limit - used - 1, -1));
    }

    private UnaryOperator<String> header(int remaining, long retryAfter) {
      return name ->
          !headers
              ? null
              : switch (name) {
                case "X-RateLimit-Limit" -> Integer.toString(limit);
                case "X-RateLimit-Remaining" -> Integer.toString(remaining);
                case "Retry-After" -> retryAfter < 0 ? null : Long.toString(retryAfter);
                default -> null;
              };
    }

    int busiestWindow() {
      return counted.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
  }

  private record Answer(int status, UnaryOperator<String> headers) {}

  /**
   * Sends {@code n} requests back to back, each taking {@code roundTrip} (half of it to arrive).
   */
  private void send(Pacer pacer, Target target, int n, long roundTrip) {
    for (int i = 0; i < n; i++) {
      pacer.awaitTurn(KEY);
      now += roundTrip / 2;
      Answer answer = target.handle(now);
      now += roundTrip - roundTrip / 2;
      pacer.answered(KEY, answer.status(), answer.headers());
    }
  }

  @Test
  void staysUnderTheAnnouncedLimitWithoutARefusal() {
    Pacer pacer = pacer(0);
    Target target = new Target(120, 17 * SECOND, true);
    long start = now;

    send(pacer, target, 1_000, 20_000_000L);

    assertThat(target.refused).as("429 answers").isZero();
    assertThat(target.busiestWindow()).isLessThanOrEqualTo(120);
    double minutes = (now - start) / (60.0 * SECOND);
    // 1000 requests at 120 per 61 s: about 8.3 minutes; no slower than that by more than a tenth.
    assertThat(minutes).isBetween(1000 / 120.0 * 60 / 61 * 0.9, 1000 / 120.0 * 61 / 60 * 1.1);
    assertThat(pacer.report().lowestRemaining().orElseThrow())
        .as("lowest X-RateLimit-Remaining")
        .isLessThanOrEqualTo(5);
  }

  @Test
  void spreadsRequestsInsteadOfStallingWhenTheBudgetRunsLow() {
    Pacer pacer = pacer(0);
    Target target = new Target(120, 0, true);
    send(pacer, target, 5, 5_000_000L); // a few requests (the preflight), then a pause
    now += 8 * SECOND;

    send(pacer, target, 600, 5_000_000L);

    // 61 s spread over the last three quarters of the budget: about 0.7 s, never a long stall.
    assertThat(waits.stream().mapToLong(Long::longValue).max().orElse(0)).isLessThan(SECOND);
    assertThat(target.refused).isZero();
  }

  @Test
  void sendsAtOnceWhileLittleOfTheBudgetIsUsed() {
    Pacer pacer = pacer(0);
    Target target = new Target(120, 0, true);

    send(pacer, target, 30, 5_000_000L);

    assertThat(waits).as("a quarter of the budget goes without waiting").isEmpty();
  }

  @Test
  void countsRequestsThatOthersMadeOnTheAccount() {
    Pacer pacer = pacer(0);
    Target target = new Target(120, 0, true);
    long window = Math.floorDiv(now, 60 * SECOND);
    target.counted.put(window, 110); // another client used most of this minute already

    send(pacer, target, 300, 5_000_000L);

    assertThat(target.refused).as("429 answers").isZero();
  }

  @Test
  void pacesByTheConfiguredLimitWhenTheTargetAnnouncesNone() {
    Pacer pacer = pacer(30);
    Target target = new Target(30, 23 * SECOND, false);

    send(pacer, target, 200, 5_000_000L);

    assertThat(target.refused).isZero();
    assertThat(pacer.report().line()).contains("at most 30/min in all (maxRequestsPerMinute)");
  }

  @Test
  void sendsFreelyWhenNoLimitIsAnnouncedOrSet() {
    Pacer pacer = pacer(0);
    Target target = new Target(1_000_000, 0, false);

    send(pacer, target, 500, 5_000_000L);

    assertThat(waits).isEmpty();
    assertThat(pacer.report().line())
        .contains("500 requests")
        .contains("not paced")
        .contains("0 answered 429");
  }

  @Test
  void waitsOutRetryAfterBeforeTheNextRequest() {
    Pacer pacer = pacer(0);
    pacer.awaitTurn(KEY);
    pacer.answered(KEY, 429, name -> name.equals("Retry-After") ? "7" : null);
    pacer.refused(KEY, "7");
    long refusedAt = now;

    pacer.awaitTurn(KEY);

    assertThat(now - refusedAt).isBetween(7 * SECOND, 8 * SECOND);
    assertThat(pacer.report().refused()).isEqualTo(1);
    assertThat(pacer.report().retried()).isEqualTo(1);
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDateWithinBounds() {
    assertThat(Pacer.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(Pacer.retryAfter(null)).isEqualTo(Pacer.DEFAULT_RETRY_AFTER);
    assertThat(Pacer.retryAfter("soon")).isEqualTo(Pacer.DEFAULT_RETRY_AFTER);
    assertThat(Pacer.retryAfter("86400")).isEqualTo(Pacer.MAX_RETRY_AFTER);
    String inTenSeconds =
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(10));
    assertThat(Pacer.retryAfter(inTenSeconds))
        .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }
}
