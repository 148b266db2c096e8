package pelcro.exports.sandbox.limits;

import java.time.Duration;
import java.time.Instant;
import pelcro.exports.sandbox.store.RateWindows;

/**
 * Per-account request limiter: a fixed one-minute window on the account's clock, counted in the
 * store, so every node that shares it counts each request once.
 *
 * <p>Emulates "up to 120 operations per minute, per account (read or write)"; going over answers
 * 429 (https://docs.pelcro.com/reference/api-core-rate-limits). The account's {@code
 * api_core_rate_limit} overrides the default. The window is measured on the account's clock, so a
 * test advances its clock instead of sleeping. A fixed window (rather than a sliding one) keeps
 * {@code Retry-After} exact and the state one counter per account and minute.
 */
public final class RateLimiter {
  /** The vendor's documented default limit, in requests per minute. */
  public static final int VENDOR_DEFAULT = 120;

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateWindows windows;
  private final int defaultLimit;

  /**
   * @param defaultLimit requests per minute for accounts without an override ({@code
   *     --rate-limit}); 0 turns limiting off for every account
   */
  public RateLimiter(RateWindows windows, int defaultLimit) {
    if (defaultLimit < 0) {
      throw new IllegalArgumentException(
          "--rate-limit must be 0 (off) or positive: " + defaultLimit);
    }
    this.windows = windows;
    this.defaultLimit = defaultLimit;
  }

  /** Whether limiting is on at all ({@code --rate-limit 0} turns it off). */
  public boolean enabled() {
    return defaultLimit > 0;
  }

  /** The limit that applies to an account: its override if it has one, else the default. */
  public int limitFor(Integer accountOverride) {
    if (!enabled()) {
      return 0;
    }
    return accountOverride != null && accountOverride > 0 ? accountOverride : defaultLimit;
  }

  /** The window an account's requests are counted in, when they are (null: not limited). */
  public String subject(long accountId, Integer accountOverride) {
    return limitFor(accountOverride) == 0 ? null : subjectOf(accountId);
  }

  /** How long one window lasts. */
  public static Duration window() {
    return WINDOW;
  }

  private static String subjectOf(long accountId) {
    return "account:" + accountId;
  }

  /**
   * Counts one request of the account and says whether it is within the limit. Call it before any
   * state change, so that a refused request changes nothing.
   *
   * @param accountOverride the account's {@code api_core_rate_limit}, or null
   * @param now the account's clock
   */
  public RateDecision acquire(long accountId, Integer accountOverride, Instant now) {
    int limit = limitFor(accountOverride);
    if (limit == 0) {
      return RateDecision.unlimited();
    }
    RateWindows.Count count = windows.count(subjectOf(accountId), now, WINDOW);
    long retryAfter = Math.max(1, count.resetsAt().getEpochSecond() - now.getEpochSecond());
    boolean allowed = count.value() <= limit;
    return new RateDecision(
        allowed,
        limit,
        (int) Math.max(0, limit - count.value()),
        count.resetsAt().getEpochSecond(),
        Duration.ofSeconds(retryAfter));
  }
}
