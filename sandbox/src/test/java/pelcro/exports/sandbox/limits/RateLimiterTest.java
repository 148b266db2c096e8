package pelcro.exports.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

class RateLimiterTest {
  private final ManualInstantSource clock = new ManualInstantSource(Instant.parse("2024-01-01T00:00:00Z"));

  @Test
  void the_121st_request_in_a_minute_is_refused_by_default() {
    RateLimiter limiter = new RateLimiter(clock, RateLimiter.VENDOR_DEFAULT);
    for (int i = 0; i < 120; i++) {
      assertThat(limiter.acquire("1", null).allowed()).isTrue();
    }
    RateDecision refused = limiter.acquire("1", null);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.headers()).containsEntry("Retry-After", "60")
        .containsEntry("X-RateLimit-Limit", "120").containsEntry("X-RateLimit-Remaining", "0");
  }

  @Test
  void a_new_minute_on_the_sandbox_clock_resets_the_count() {
    RateLimiter limiter = new RateLimiter(clock, 2);
    limiter.acquire("1", null);
    limiter.acquire("1", null);
    clock.advance(Duration.ofSeconds(45));
    RateDecision refused = limiter.acquire("1", null);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(15));
    clock.advance(Duration.ofSeconds(15));
    assertThat(limiter.acquire("1", null).allowed()).isTrue();
  }

  @Test
  void accounts_are_counted_separately() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    assertThat(limiter.acquire("1", null).allowed()).isTrue();
    assertThat(limiter.acquire("2", null).allowed()).isTrue();
    assertThat(limiter.acquire("1", null).allowed()).isFalse();
  }

  @Test
  void an_accounts_api_core_rate_limit_overrides_the_default() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    for (int i = 0; i < 360; i++) {
      assertThat(limiter.acquire("vendor", 360).allowed()).isTrue();
    }
    assertThat(limiter.acquire("vendor", 360).allowed()).isFalse();
  }

  @Test
  void rate_limit_zero_turns_limiting_off_even_for_overrides() {
    RateLimiter limiter = new RateLimiter(clock, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("vendor", 5).allowed()).isTrue();
    }
    assertThat(limiter.acquire("1", null).headers()).isEmpty();
    assertThat(limiter.trackedAccounts()).isZero();
  }

  @Test
  void a_negative_limit_is_rejected() {
    assertThatThrownBy(() -> new RateLimiter(clock, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_refusal_body_is_the_specs_example() {
    assertThat(RateDecision.TOO_MANY_BODY).isEqualTo("{\"message\":\"Too Many Attempts.\"}");
  }
}
