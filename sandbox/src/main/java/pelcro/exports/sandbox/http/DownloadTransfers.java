package pelcro.exports.sandbox.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.operations.ExportDownload;

/**
 * The downloads this node is writing: each holds a slot (at most {@code maxTotal} at once, at most
 * {@code maxPerClient} per client address) and ends when Jetty reports the response complete or
 * broken, which decides whether the file was handed out.
 *
 * <p>A download is written as the client reads it, without holding a thread while the client's
 * socket is full; the slots still bound what slow readers hold (buffers, open files being
 * generated), so one client cannot take them all. A download refused a slot gets 429 with {@code
 * Retry-After} and may try again at once after another ends.
 */
final class DownloadTransfers {
  private final int maxTotal;
  private final int maxPerClient;
  private final BiConsumer<ExportDownload.Transfer, Boolean> finished;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  // Guarded by ConcurrentHashMap.compute per client: counts change only inside compute.
  private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  /**
   * @param finished told how each transfer ended: true when its last byte was written
   */
  DownloadTransfers(
      int maxTotal, int maxPerClient, BiConsumer<ExportDownload.Transfer, Boolean> finished) {
    this.maxTotal = maxTotal;
    this.maxPerClient = maxPerClient;
    this.finished = finished;
  }

  private record Running(ExportDownload.Transfer transfer, String client) {}

  /**
   * Takes a slot for the transfer, under the token the edge gave its request; 429 (and no slot)
   * when none is free.
   */
  void begin(String token, ExportDownload.Transfer transfer, String client) {
    if (token == null) {
      throw new IllegalStateException("A download request reached the dispatcher past the edge");
    }
    int mine = perClient.merge(client, 1, Integer::sum);
    if (total.incrementAndGet() > maxTotal || mine > maxPerClient) {
      release(client);
      throw new ApiException(ApiError.TOO_MANY_REQUESTS)
          .withRetryAfter(java.time.Duration.ofSeconds(1));
    }
    running.put(token, new Running(transfer, client));
  }

  /** A transfer that got no slot: its claim is withdrawn at once. */
  void refused(ExportDownload.Transfer transfer) {
    finished.accept(transfer, false);
  }

  /** The response of {@code token} ended; a second report of the same transfer is ignored. */
  void end(String token, boolean complete) {
    Running ended = token == null ? null : running.remove(token);
    if (ended != null) {
      release(ended.client());
      finished.accept(ended.transfer(), complete);
    }
  }

  /** Transfers being written now (tests of bounded slots). */
  int inProgress() {
    return running.size();
  }

  private void release(String client) {
    total.decrementAndGet();
    perClient.computeIfPresent(client, (c, count) -> count <= 1 ? null : count - 1);
  }
}
