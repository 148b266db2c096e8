package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes many requests of this node make to one value at once (an account's lint notes), made in
 * one commit per group: the first request to arrive commits every change queued by then, the others
 * wait for that commit instead of racing it. Without it, concurrent requests of one account would
 * each read, lose the compare-and-set to another and read again; with it, the node sends one commit
 * per group. Requests of other nodes still race by compare-and-set, which keeps the value right
 * across nodes.
 *
 * @param <T> one change
 */
final class GroupedChanges<T> {
  /** Makes a group's changes to the value of {@code id} in one commit. */
  interface Committer<T> {
    void commit(long id, List<T> changes);
  }

  private enum Turn {
    DONE,
    LEAD
  }

  private record Queued<T>(T change, CompletableFuture<Turn> turn) {}

  private static final class Group<T> {
    final List<Queued<T>> queued = new ArrayList<>();
    boolean leading;
  }

  private final Committer<T> committer;
  private final Map<Long, Group<T>> groups = new ConcurrentHashMap<>();

  GroupedChanges(Committer<T> committer) {
    this.committer = committer;
  }

  /** Makes {@code change} to the value of {@code id}; returns once it is committed. */
  void submit(long id, T change) {
    Group<T> group = groups.computeIfAbsent(id, k -> new Group<>());
    Queued<T> mine = new Queued<>(change, new CompletableFuture<>());
    boolean lead;
    synchronized (group) {
      group.queued.add(mine);
      lead = !group.leading;
      group.leading = true;
    }
    if (!lead && await(mine) == Turn.DONE) {
      return;
    }
    commitQueued(id, group);
  }

  /** Commits what is queued (this caller's change among it), then hands the lead on. */
  private void commitQueued(long id, Group<T> group) {
    List<Queued<T>> batch;
    synchronized (group) {
      batch = new ArrayList<>(group.queued);
      group.queued.clear();
    }
    RuntimeException failed = null;
    try {
      committer.commit(id, batch.stream().map(Queued::change).toList());
    } catch (RuntimeException e) {
      failed = e;
    }
    synchronized (group) {
      if (group.queued.isEmpty()) {
        group.leading = false;
        groups.remove(id, group);
      } else {
        group.queued.get(0).turn().complete(Turn.LEAD);
      }
    }
    for (Queued<T> queued : batch) {
      if (failed == null) {
        queued.turn().complete(Turn.DONE);
      } else {
        queued.turn().completeExceptionally(failed);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static Turn await(Queued<?> queued) {
    try {
      return queued.turn().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
