package pelcro.exports.contract.support;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Spaces requests out to stay under a real account's rate limit ({@code contract.maxRequestsPerMinute});
 * does nothing when the limit is 0.
 */
final class PacingFilter implements Filter {
  private static long nextSlotNanos;
  private final int perMinute;

  PacingFilter(int perMinute) {
    this.perMinute = perMinute;
  }

  @Override
  public Response filter(FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
    if (perMinute > 0) {
      waitForSlot(60_000_000_000L / perMinute);
    }
    return ctx.next(req, res);
  }

  private static void waitForSlot(long gapNanos) {
    long wait;
    synchronized (PacingFilter.class) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlotNanos);
      nextSlotNanos = slot + gapNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
