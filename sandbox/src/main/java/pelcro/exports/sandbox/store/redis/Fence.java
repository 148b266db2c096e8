package pelcro.exports.sandbox.store.redis;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import pelcro.exports.sandbox.store.engine.StateUnavailable;

/**
 * Makes what a node holds ({@link ReadCache}) at least as new as the moment a read asks for it: the
 * read waits for the reply to a {@code PING} sent after it began. Redis writes an invalidation
 * message before any later reply on the same connection, and the node applies it before it sees
 * that reply, so every change another node made before this read began has reached the copy. One
 * {@code PING} serves every read that began before it was sent: under load, a node sends far fewer
 * than it answers requests.
 */
final class Fence {
  private final Supplier<CompletionStage<String>> ping;
  private final long timeoutMillis;
  private final Object lock = new Object();

  /** The ping the reads waiting now will take; sent when the one in flight comes back. */
  private CompletableFuture<Void> next;

  private boolean inFlight;

  Fence(Supplier<CompletionStage<String>> ping, long timeoutMillis) {
    this.ping = ping;
    this.timeoutMillis = timeoutMillis;
  }

  /** Returns once a ping sent after this call has come back. */
  void pass() {
    CompletableFuture<Void> mine;
    boolean send = false;
    synchronized (lock) {
      if (next == null) {
        next = new CompletableFuture<>();
      }
      mine = next;
      if (!inFlight) {
        inFlight = true;
        next = null;
        send = true;
      }
    }
    if (send) {
      send(mine);
    }
    try {
      mine.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new StateUnavailable("Redis does not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateUnavailable("interrupted while waiting for Redis", e);
    }
  }

  private void send(CompletableFuture<Void> waiting) {
    ping.get()
        .whenComplete(
            (pong, failure) -> {
              CompletableFuture<Void> following;
              synchronized (lock) {
                following = next;
                next = null;
                inFlight = following != null;
              }
              if (failure == null) {
                waiting.complete(null);
              } else {
                waiting.completeExceptionally(failure);
              }
              if (following != null) {
                send(following);
              }
            });
  }
}
