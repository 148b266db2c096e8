package pelcro.exports.attack;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/** The normal clients' request times during one scenario, and their failures. */
public final class Latency {
  private final String scenario;
  private long[] samples = new long[1024];
  private int size;
  private final LongAdder errors = new LongAdder();

  public Latency(String scenario) {
    this.scenario = scenario;
  }

  public String scenario() {
    return scenario;
  }

  /** One request's time from send to the last byte of the answer. */
  public synchronized void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  /**
   * A request that failed (no answer, or not the 200 a normal client expects); its time counts too.
   */
  public void error(long nanos) {
    errors.increment();
    add(nanos);
  }

  public synchronized int count() {
    return size;
  }

  public long errors() {
    return errors.sum();
  }

  /** The {@code q}-quantile in milliseconds (nearest rank), or NaN without samples. */
  public synchronized double millis(double q) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
  }

  /** {@code p50 1.2 ms, p99 3.4 ms, max …, n requests, e errors}. */
  public String describe() {
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d requests, %d failed",
        millis(0.50), millis(0.99), millis(1.0), count(), errors());
  }
}
