package pelcro.exports.sandbox.operations;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Download endings this node could not record because the shared state (Redis) did not answer. Each
 * keeps its claim in the store, so no other transfer can take the file meanwhile; the node records
 * them at its next download request or transfer end, in the order they happened, so a file whose
 * last byte was written during an outage still counts as downloaded once.
 *
 * <p>Bounded: past {@value #CAPACITY} endings the oldest is given up, and its claim then holds
 * until its lease ends (the file answers "already downloaded" until then, then can be downloaded
 * once more).
 */
final class UnsettledTransfers {
  static final int CAPACITY = 10_000;

  /** Records one ending; false when the store still cannot be reached. */
  interface Settler {
    boolean settle(ExportDownload.Transfer transfer, boolean complete);
  }

  private record Ending(ExportDownload.Transfer transfer, boolean complete) {}

  // Guarded by this.
  private final Deque<Ending> endings = new ArrayDeque<>();

  synchronized void add(ExportDownload.Transfer transfer, boolean complete) {
    if (endings.size() >= CAPACITY) {
      endings.removeFirst();
    }
    endings.addLast(new Ending(transfer, complete));
  }

  /**
   * Hands the endings to {@code settler}, oldest first, until one cannot be recorded.
   *
   * @return whether every ending was recorded
   */
  boolean drain(Settler settler) {
    while (true) {
      Ending next;
      synchronized (this) {
        next = endings.pollFirst();
      }
      if (next == null) {
        return true;
      }
      if (!settler.settle(next.transfer(), next.complete())) {
        synchronized (this) {
          endings.addFirst(next);
        }
        return false;
      }
    }
  }
}
