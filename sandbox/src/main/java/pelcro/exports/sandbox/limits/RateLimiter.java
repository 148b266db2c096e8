package pelcro.exports.sandbox.limits;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account request limiter: a fixed one-minute window on the sandbox clock.
 *
 * <p>Emulates "up to 120 operations per minute, per account (read or write)"; going over
 * answers 429 (https://docs.pelcro.com/reference/api-core-rate-limits). The account's
 * {@code api_core_rate_limit} overrides the default. The window is measured on the injected
 * clock, so a test advances the sandbox clock instead of sleeping. A fixed window (rather than
 * a sliding one) keeps {@code Retry-After} exact and the state one counter per account.
 */
public final class RateLimiter {
  /** The vendor's documented default limit, in requests per minute. */
  public static final int VENDOR_DEFAULT = 120;

  private static final long WINDOW_SECONDS = 60;
  /** Windows of idle accounts are pruned once this many are held, so memory stays bounded. */
  private static final int PRUNE_THRESHOLD = 10_000;

  private final InstantSource clock;
  private final int defaultLimit;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param clock the sandbox clock
   * @param defaultLimit requests per minute for accounts without an override ({@code --rate-limit});
   *     0 turns limiting off for every account
   */
  public RateLimiter(InstantSource clock, int defaultLimit) {
    if (defaultLimit < 0) {
      throw new IllegalArgumentException("--rate-limit must be 0 (off) or positive: " + defaultLimit);
    }
    this.clock = clock;
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

  /**
   * Counts one request of the account, unless it is over its limit. Call it before any state
   * change, so that a refused request changes nothing.
   *
   * @param accountId the account the request authenticated as (try-it tenants are accounts too)
   * @param accountOverride the account's {@code api_core_rate_limit}, or null
   */
  public RateDecision acquire(String accountId, Integer accountOverride) {
    int limit = limitFor(accountOverride);
    if (limit == 0) {
      return RateDecision.unlimited();
    }
    Instant now = clock.instant();
    long windowStart = Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS) * WINDOW_SECONDS;
    pruneIfLarge(windowStart);
    Window window = windows.compute(accountId, (id, old) ->
        old == null || old.start != windowStart ? new Window(windowStart) : old);
    long resetAt = windowStart + WINDOW_SECONDS;
    long retryAfter = Math.max(1, resetAt - now.getEpochSecond());
    synchronized (window) {
      if (window.count >= limit) {
        return new RateDecision(false, limit, 0, resetAt, Duration.ofSeconds(retryAfter));
      }
      window.count++;
      return new RateDecision(true, limit, limit - window.count, resetAt, Duration.ofSeconds(retryAfter));
    }
  }

  /** How many accounts have a live window (for tests of bounded memory). */
  int trackedAccounts() {
    return windows.size();
  }

  private void pruneIfLarge(long currentWindowStart) {
    if (windows.size() < PRUNE_THRESHOLD) {
      return;
    }
    for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
      if (it.next().start != currentWindowStart) {
        it.remove();
      }
    }
  }

  private static final class Window {
    final long start;
    int count;

    Window(long start) {
      this.start = start;
    }
  }
}
