package pelcro.exports.sandbox.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.store.RateWindows;
import pelcro.exports.sandbox.store.SandboxState;
import pelcro.exports.sandbox.store.memory.MemoryEngine;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

class RateLimiterTest {
  private final ManualInstantSource clock =
      new ManualInstantSource(Instant.parse("2024-01-01T00:00:00Z"));
  private final RateWindows windows = new SandboxState(new MemoryEngine(), clock).rates();

  @Test
  void the121stRequestInAMinuteIsRefusedByDefault() {
    RateLimiter limiter = new RateLimiter(windows, RateLimiter.VENDOR_DEFAULT);
    for (int i = 0; i < 120; i++) {
      assertThat(limiter.acquire(1L, null, clock.instant()).allowed()).isTrue();
    }
    RateDecision refused = limiter.acquire(1L, null, clock.instant());
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.headers())
        .containsEntry("Retry-After", "60")
        .containsEntry("X-RateLimit-Limit", "120")
        .containsEntry("X-RateLimit-Remaining", "0");
  }

  @Test
  void aNewMinuteOnTheSandboxClockResetsTheCount() {
    RateLimiter limiter = new RateLimiter(windows, 2);
    limiter.acquire(1L, null, clock.instant());
    limiter.acquire(1L, null, clock.instant());
    clock.advance(Duration.ofSeconds(45));
    RateDecision refused = limiter.acquire(1L, null, clock.instant());
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(15));
    clock.advance(Duration.ofSeconds(15));
    assertThat(limiter.acquire(1L, null, clock.instant()).allowed()).isTrue();
  }

  @Test
  void accountsAreCountedSeparately() {
    RateLimiter limiter = new RateLimiter(windows, 1);
    assertThat(limiter.acquire(1L, null, clock.instant()).allowed()).isTrue();
    assertThat(limiter.acquire(2L, null, clock.instant()).allowed()).isTrue();
    assertThat(limiter.acquire(1L, null, clock.instant()).allowed()).isFalse();
  }

  @Test
  void anAccountsApiCoreRateLimitOverridesTheDefault() {
    RateLimiter limiter = new RateLimiter(windows, 1);
    for (int i = 0; i < 360; i++) {
      assertThat(limiter.acquire(7L, 360, clock.instant()).allowed()).isTrue();
    }
    assertThat(limiter.acquire(7L, 360, clock.instant()).allowed()).isFalse();
  }

  @Test
  void rateLimitZeroTurnsLimitingOffEvenForOverrides() {
    RateLimiter limiter = new RateLimiter(windows, 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire(7L, 5, clock.instant()).allowed()).isTrue();
    }
    assertThat(limiter.acquire(1L, null, clock.instant()).headers()).isEmpty();
  }

  @Test
  void aNegativeLimitIsRejected() {
    assertThatThrownBy(() -> new RateLimiter(windows, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
