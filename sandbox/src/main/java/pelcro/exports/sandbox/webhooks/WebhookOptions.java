package pelcro.exports.sandbox.webhooks;

import java.net.URI;
import java.time.Duration;

/**
 * How deliveries are made and retried ({@code --webhook-url}, {@code --webhook-secret}).
 *
 * @param url the receiver
 * @param secret the HMAC key
 * @param maxAttempts attempts per delivery, the first included, before it is marked failed
 * @param firstBackoff wait before the second attempt, on the sandbox clock; doubled after each
 *     failure
 * @param journalCapacity deliveries kept (scheduled, in flight or finished); the oldest go first
 * @param concurrency deliveries in flight at once
 * @param timeout connect and response timeout of one attempt, in real time
 */
public record WebhookOptions(
    URI url,
    String secret,
    int maxAttempts,
    Duration firstBackoff,
    int journalCapacity,
    int concurrency,
    Duration timeout) {

  public WebhookOptions {
    if (maxAttempts < 1 || journalCapacity < 1 || concurrency < 1) {
      throw new IllegalArgumentException(
          "maxAttempts, journalCapacity and concurrency must be positive");
    }
  }

  /**
   * Defaults: 6 attempts (backoff 1, 2, 4, 8, 16 s), 1000 deliveries kept, 2 in flight, 5 s
   * timeout.
   */
  public static WebhookOptions of(URI url, String secret) {
    return new WebhookOptions(
        url, secret, 6, Duration.ofSeconds(1), 1000, 2, Duration.ofSeconds(5));
  }

  /** The same options with another retry bound and first backoff. */
  public WebhookOptions withRetries(int attempts, Duration backoff) {
    return new WebhookOptions(
        url, secret, attempts, backoff, journalCapacity, concurrency, timeout);
  }

  /** The same options with another journal capacity. */
  public WebhookOptions withJournalCapacity(int capacity) {
    return new WebhookOptions(
        url, secret, maxAttempts, firstBackoff, capacity, concurrency, timeout);
  }

  /** The same options with another per-attempt timeout. */
  public WebhookOptions withTimeout(Duration newTimeout) {
    return new WebhookOptions(
        url, secret, maxAttempts, firstBackoff, journalCapacity, concurrency, newTimeout);
  }
}
