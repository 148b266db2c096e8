package pelcro.exports.sandbox.health;

import java.util.concurrent.CompletableFuture;

/**
 * What the sandbox has loaded so far: the spec with its request validator, and the seeded data. The
 * server listens before both are ready, so {@code GET /health} can say "starting" (503) instead of
 * leaving a load balancer or a container health check with no answer.
 */
public final class Readiness {
  private final CompletableFuture<Void> spec = new CompletableFuture<>();
  private final CompletableFuture<Void> data = new CompletableFuture<>();
  private final CompletableFuture<Void> warm = new CompletableFuture<>();

  /** A readiness that is complete from the start (the embedded sandbox once started). */
  public static Readiness ready() {
    Readiness readiness = new Readiness();
    readiness.specLoaded();
    readiness.dataLoaded();
    readiness.warmedUp();
    return readiness;
  }

  public void specLoaded() {
    spec.complete(null);
  }

  public void dataLoaded() {
    data.complete(null);
  }

  /** Every operation has answered once (the first answers of a JVM are the slow ones). */
  public void warmedUp() {
    warm.complete(null);
  }

  public boolean isWarmedUp() {
    return warm.isDone();
  }

  /** The spec, or the data, could not be loaded: the sandbox never becomes ready. */
  public void failed(Throwable cause) {
    spec.completeExceptionally(cause);
    data.completeExceptionally(cause);
  }

  public boolean isSpecLoaded() {
    return spec.isDone() && !spec.isCompletedExceptionally();
  }

  public boolean isDataLoaded() {
    return data.isDone() && !data.isCompletedExceptionally();
  }

  public boolean isReady() {
    return isSpecLoaded() && isDataLoaded() && isWarmedUp();
  }

  /** Waits until the spec and the data are loaded; rethrows the cause when loading failed. */
  public void await() {
    CompletableFuture.allOf(spec, data).join();
  }
}
