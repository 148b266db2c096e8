package pelcro.exports.sandbox;

import java.net.URI;
import java.util.List;

/**
 * The options of the platform behaviour around the API: Try-it tenants, CORS, webhooks and rate
 * limits. Kept apart from {@link SandboxOptions} so that the emulation of the three operations
 * and the platform around them can change independently.
 *
 * @param tryIt whether {@code sk_try_*} keys get their own tenant ({@code --try-it})
 * @param tryItIdleMinutes idle time before a tenant expires, on the sandbox clock
 * @param tryItMaxTenants live tenants at most; the least recently used is evicted
 * @param corsOrigins origins whose pages may read answers ({@code --cors-origins}); empty: none
 * @param webhookUrl where events are POSTed, or null for no webhooks
 * @param webhookSecret the HMAC key of {@code X-Pelcro-Hmac-SHA256}
 * @param webhookMaxAttempts attempts per delivery, the first included
 * @param rateLimit requests per minute per account without an override; 0 turns limiting off
 * @param tryItNewPerClient new Try-it tenants per minute per client address
 * @param tryItNewInTotal new Try-it tenants per minute in total
 * @param trustedProxies addresses of proxies whose {@code X-Forwarded-For} names the client
 *     (nginx in front of the nodes); from anyone else the header is ignored, so a client cannot
 *     choose the address its per-client limits count under
 */
public record PlatformOptions(boolean tryIt, int tryItIdleMinutes, int tryItMaxTenants,
    List<String> corsOrigins, URI webhookUrl, String webhookSecret, int webhookMaxAttempts,
    int rateLimit, int tryItNewPerClient, int tryItNewInTotal, List<String> trustedProxies) {

  public static final int DEFAULT_IDLE_MINUTES = 30;
  public static final int DEFAULT_MAX_TENANTS = 1000;
  public static final int DEFAULT_WEBHOOK_ATTEMPTS = 6;
  /** The vendor's documented limit (rate-limits page). */
  public static final int DEFAULT_RATE_LIMIT = 120;
  /** A visitor needs one key; ten a minute leaves room for a classroom behind one address. */
  public static final int DEFAULT_TRY_IT_NEW_PER_CLIENT = 10;
  /** At this pace a full house of 1000 tenants takes over 8 minutes to turn over. */
  public static final int DEFAULT_TRY_IT_NEW_IN_TOTAL = 120;

  public PlatformOptions {
    corsOrigins = List.copyOf(corsOrigins);
    trustedProxies = List.copyOf(trustedProxies);
    for (String proxy : trustedProxies) {
      if (!proxy.matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
        throw new IllegalArgumentException("--trusted-proxies takes IP addresses (got " + proxy + ")");
      }
    }
    if (tryItIdleMinutes < 1 || tryItMaxTenants < 1 || webhookMaxAttempts < 1
        || tryItNewPerClient < 1 || tryItNewInTotal < 1) {
      throw new IllegalArgumentException("try-it-idle-minutes, try-it-max-tenants, try-it-new-per-minute, try-it-new-total-per-minute and webhook-max-attempts must be positive");
    }
    if (rateLimit < 0) {
      throw new IllegalArgumentException("rate-limit must be 0 (off) or positive");
    }
    if (webhookUrl != null && (webhookSecret == null || webhookSecret.isEmpty())) {
      throw new IllegalArgumentException("--webhook-url needs --webhook-secret");
    }
    if (webhookUrl != null && !List.of("http", "https").contains(String.valueOf(webhookUrl.getScheme()))) {
      throw new IllegalArgumentException("--webhook-url must be an http or https URL");
    }
  }

  /** Try-it off, no CORS grant, no webhooks, the vendor's rate limit. */
  public static PlatformOptions defaults() {
    return new PlatformOptions(false, DEFAULT_IDLE_MINUTES, DEFAULT_MAX_TENANTS, List.of(), null,
        null, DEFAULT_WEBHOOK_ATTEMPTS, DEFAULT_RATE_LIMIT, DEFAULT_TRY_IT_NEW_PER_CLIENT,
        DEFAULT_TRY_IT_NEW_IN_TOTAL, List.of());
  }

  public PlatformOptions withTryIt(boolean on, int idleMinutes, int maxTenants) {
    return new PlatformOptions(on, idleMinutes, maxTenants, corsOrigins, webhookUrl, webhookSecret,
        webhookMaxAttempts, rateLimit, tryItNewPerClient, tryItNewInTotal, trustedProxies);
  }

  public PlatformOptions withCorsOrigins(List<String> origins) {
    return new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, origins, webhookUrl,
        webhookSecret, webhookMaxAttempts, rateLimit, tryItNewPerClient, tryItNewInTotal, trustedProxies);
  }

  public PlatformOptions withWebhook(URI url, String secret, int maxAttempts) {
    return new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, url, secret,
        maxAttempts, rateLimit, tryItNewPerClient, tryItNewInTotal, trustedProxies);
  }

  /** New Try-it tenants per minute, per client address and in total. */
  public PlatformOptions withTryItCreationLimits(int perClient, int inTotal) {
    return new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, webhookUrl,
        webhookSecret, webhookMaxAttempts, rateLimit, perClient, inTotal, trustedProxies);
  }

  public PlatformOptions withRateLimit(int perMinute) {
    return new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, webhookUrl,
        webhookSecret, webhookMaxAttempts, perMinute, tryItNewPerClient, tryItNewInTotal, trustedProxies);
  }

  /** Proxies whose {@code X-Forwarded-For} is believed. */
  public PlatformOptions withTrustedProxies(List<String> proxies) {
    return new PlatformOptions(tryIt, tryItIdleMinutes, tryItMaxTenants, corsOrigins, webhookUrl,
        webhookSecret, webhookMaxAttempts, rateLimit, tryItNewPerClient, tryItNewInTotal, proxies);
  }
}
