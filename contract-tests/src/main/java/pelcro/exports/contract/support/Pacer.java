package pelcro.exports.contract.support;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Keeps a target's requests under its rate limit, from what the target says and what it is told.
 *
 * <p>Each account key on each host has a {@link RateWindow} sized by the limit the target announces
 * ({@code X-RateLimit-Limit}, kept current by {@code X-RateLimit-Remaining}); all requests together
 * have one sized by {@code contract.maxRequestsPerMinute}, for a deployment that announces nothing:
 * the vendor documents a limit of 120 a minute per account and no headers (rate-limits page). A
 * request waits until both windows let it go. A 429 that still comes blocks its window for the
 * target's {@code Retry-After} (60 s without one), after which {@link PacedHttpClient} sends the
 * request once more.
 */
public final class Pacer {
  /** Wait after a 429 without {@code Retry-After}: one minute, the vendor's window. */
  static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

  /** Longest wait taken from a {@code Retry-After}, so a wrong header cannot hang the run. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

  /** Added to {@code Retry-After}, which counts whole seconds. */
  private static final Duration RETRY_MARGIN = Duration.ofMillis(250);

  /** Sleeps; a test replaces it with one that moves a fake clock. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final int configuredPerMinute;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final RateWindow all = new RateWindow();
  private final Map<String, RateWindow> byKey = new ConcurrentHashMap<>();
  private final Stats stats = new Stats();

  /**
   * A pacer on this machine's clock; {@code configuredPerMinute} 0 = only what the target
   * announces.
   */
  public Pacer(int configuredPerMinute) {
    this(
        configuredPerMinute,
        System::nanoTime,
        nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  Pacer(int configuredPerMinute, LongSupplier clock, Sleeper sleeper) {
    this.configuredPerMinute = Math.max(0, configuredPerMinute);
    this.clock = clock;
    this.sleeper = sleeper;
    all.limit(this.configuredPerMinute);
  }

  /**
   * Blocks until a request on {@code budget} (host and key) may start, and counts it as started.
   */
  public void awaitTurn(String budget) {
    RateWindow own = window(budget);
    while (true) {
      long wait;
      synchronized (this) {
        long now = clock.getAsLong();
        wait = Math.max(all.delay(now), own.delay(now));
        if (wait <= 0) {
          all.start(now);
          own.start(now);
          stats.requests++;
          return;
        }
        stats.waited += wait;
        stats.longestWait = Math.max(stats.longestWait, wait);
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // an interrupted test (e.g. an Awaitility timeout) sends without waiting further
      }
    }
  }

  /**
   * The request that started last on {@code budget} was answered with {@code status}; reads {@code
   * X-RateLimit-Limit} and {@code X-RateLimit-Remaining} from {@code headers} (null when absent, or
   * when the request failed without an answer: status 0).
   */
  public synchronized void answered(String budget, int status, UnaryOperator<String> headers) {
    long now = clock.getAsLong();
    RateWindow own = window(budget);
    all.answered(now);
    own.answered(now);
    if (status == 429) {
      stats.refused++;
    }
    OptionalInt limit = integer(headers.apply("X-RateLimit-Limit"));
    OptionalInt remaining = integer(headers.apply("X-RateLimit-Remaining"));
    if (limit.isPresent() && limit.getAsInt() > 0) {
      own.limit(limit.getAsInt());
      stats.announced.add(limit.getAsInt());
      if (remaining.isPresent()) {
        own.targetCounted(now, limit.getAsInt() - remaining.getAsInt());
        stats.lowestRemaining = Math.min(stats.lowestRemaining, remaining.getAsInt());
      }
    }
  }

  /**
   * The target answered 429 on {@code budget}: blocks that budget for its {@code Retry-After}
   * (seconds or an HTTP date; 60 s without one, at most {@link #MAX_RETRY_AFTER}). The next {@link
   * #awaitTurn} on that budget waits it out.
   */
  public synchronized void refused(String budget, String retryAfter) {
    Duration wait = retryAfter(retryAfter).plus(RETRY_MARGIN);
    window(budget).refusedFor(clock.getAsLong(), wait);
    stats.retried++;
  }

  /** A retried request was refused again. */
  public synchronized void refusedAgain() {
    stats.refusedAgain++;
  }

  /** What the pacer did so far. */
  public synchronized Report report() {
    return new Report(
        stats.requests,
        Duration.ofNanos(stats.waited),
        Duration.ofNanos(stats.longestWait),
        List.copyOf(stats.announced),
        configuredPerMinute,
        stats.lowestRemaining == Integer.MAX_VALUE
            ? OptionalInt.empty()
            : OptionalInt.of(stats.lowestRemaining),
        stats.refused,
        stats.retried,
        stats.refusedAgain);
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT_RETRY_AFTER;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
      } catch (RuntimeException notADate) {
        return DEFAULT_RETRY_AFTER;
      }
    }
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private RateWindow window(String budget) {
    return byKey.computeIfAbsent(budget, k -> new RateWindow());
  }

  private static OptionalInt integer(String value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  /** Counters behind {@link #report()}. */
  private static final class Stats {
    long requests;
    long waited;
    long longestWait;
    final TreeSet<Integer> announced = new TreeSet<>();
    int lowestRemaining = Integer.MAX_VALUE;
    long refused;
    long retried;
    long refusedAgain;
  }

  /**
   * What a pacer did: its requests, how long it held them back, the limits it saw or was given, and
   * the 429 answers it met.
   *
   * @param announcedPerMinute the distinct {@code X-RateLimit-Limit} values seen, lowest first
   * @param configuredPerMinute {@code contract.maxRequestsPerMinute}; 0 = none
   * @param refused answers 429, retries included
   * @param retried requests sent again after a 429
   * @param refusedAgain retries that got a 429 too (the test saw it)
   */
  public record Report(
      long requests,
      Duration waited,
      Duration longestWait,
      List<Integer> announcedPerMinute,
      int configuredPerMinute,
      OptionalInt lowestRemaining,
      long refused,
      long retried,
      long refusedAgain) {

    /** One line for the console and the summary. */
    public String line() {
      StringBuilder out = new StringBuilder("pacing: ").append(requests).append(" requests; ");
      if (announcedPerMinute.isEmpty() && configuredPerMinute == 0) {
        out.append(
            "no limit announced (X-RateLimit-Limit) or set (maxRequestsPerMinute), not paced");
      } else {
        if (!announcedPerMinute.isEmpty()) {
          out.append(announcedPerMinute.size() == 1 ? "limit " : "limits ")
              .append(
                  announcedPerMinute.stream()
                      .map(l -> l + "/min")
                      .collect(Collectors.joining(", ")))
              .append(" per account (X-RateLimit-Limit");
          lowestRemaining.ifPresent(r -> out.append(", lowest X-RateLimit-Remaining ").append(r));
          out.append(")");
        }
        if (configuredPerMinute > 0) {
          out.append(announcedPerMinute.isEmpty() ? "" : ", ")
              .append("at most ")
              .append(configuredPerMinute)
              .append("/min in all (maxRequestsPerMinute)");
        }
        out.append("; held back ")
            .append(seconds(waited))
            .append(" in all, longest ")
            .append(seconds(longestWait));
      }
      out.append("; ").append(refused).append(" answered 429");
      if (retried > 0) {
        out.append(", ")
            .append(retried)
            .append(" sent again after Retry-After, ")
            .append(refusedAgain)
            .append(" of them refused again");
      }
      return out.toString();
    }

    private static String seconds(Duration d) {
      return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
  }
}
