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
  void the121stRequestInAMinuteIsRefusedByDefault() {
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
  void aNewMinuteOnTheSandboxClockResetsTheCount() {
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
  void accountsAreCountedSeparately() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    assertThat(limiter.acquire("1", null).allowed()).isTrue();
    assertThat(limiter.acquire("2", null).allowed()).isTrue();
    assertThat(limiter.acquire("1", null).allowed()).isFalse();
  }

  @Test
  void anAccountsApiCoreRateLimitOverridesTheDefault() {
    RateLimiter limiter = new RateLimiter(clock, 1);
    for (int i = 0; i < 360; i++) {
      assertThat(limiter.acquire("vendor", 360).allowed()).isTrue();
    }
    assertThat(limiter.acquire("vendor", 360).allowed()).isFalse();
  }

  @Test
  void rateLimitZeroTurnsLimitingOffEvenForOverrides() {
    RateLimiter limiter = new RateLimiter(clock, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire("vendor", 5).allowed()).isTrue();
    }
    assertThat(limiter.acquire("1", null).headers()).isEmpty();
    assertThat(limiter.trackedAccounts()).isZero();
  }

  @Test
  void aNegativeLimitIsRejected() {
    assertThatThrownBy(() -> new RateLimiter(clock, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRefusalBodyIsTheSpecsExample() {
    assertThat(RateDecision.TOO_MANY_BODY).isEqualTo("{\"message\":\"Too Many Attempts.\"}");
  }
}
