package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import pelcro.exports.sandbox.store.LintStore.Notes;
import pelcro.exports.sandbox.store.engine.StateUnavailable;

/**
 * Writes the lint's notes to a shared store (Redis) behind the requests: a request hands its
 * exchange's changes over and is answered at once; one thread of the node commits each account's
 * waiting changes in one commit. The lint's answer to a request never depended on the commit (its
 * findings are decided on what the request read), and waiting for it was most of what a request on
 * Redis cost: with 32 connections, most of a node's threads sat waiting for their account's commit.
 *
 * <p>Until a change is committed, this node reads the account's notes with it applied ({@link
 * #missing}), so a client that goes on with the same node sees its earlier requests' facts and
 * findings at once. Another node sees them once committed: a few milliseconds after the answer.
 * Forgetting an account (a reset, a session's end) drops its waiting changes; one being committed
 * is given up if the account is forgotten meanwhile, so forgotten notes never come back.
 */
final class LintWriter implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LintWriter.class.getName());

  /** How long a committed change stays applied for readers whose notes are older than it. */
  private static final long KEEP_COMMITTED_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** How long to wait before trying again while the store does not answer. */
  private static final long RETRY_MILLIS = 250;

  /** At most this many changes wait per account; beyond it the oldest go (the store is away). */
  private static final int MAX_WAITING = 10_000;

  /** Commits an account's waiting changes in one commit. */
  interface Committer {
    /**
     * Applies {@code changes} to the account's notes (at {@code atMillis}) by compare-and-set,
     * telling {@code basedOn} the version each attempt read; gives up when {@code wanted} turns
     * false.
     *
     * @return the version the commit gave the notes; 0 when given up; negative when unknown
     */
    long commit(
        long accountId,
        List<UnaryOperator<Notes>> changes,
        long atMillis,
        LongConsumer basedOn,
        BooleanSupplier wanted);
  }

  /** One exchange's changes: waiting, being committed on a version, or committed at one. */
  private static final class Entry {
    final List<UnaryOperator<Notes>> changes;
    final long atMillis;

    /** The version of the notes the commit in flight read; -1 while none is. */
    volatile long basedOn = -1;

    /** The version its commit gave the notes; 0 while not committed. */
    volatile long committedAt;

    volatile long committedNanos;

    Entry(List<UnaryOperator<Notes>> changes, long atMillis) {
      this.changes = changes;
      this.atMillis = atMillis;
    }

    /** Whether notes read at {@code version} lack this change. */
    boolean missingFrom(long version) {
      if (committedAt > 0) {
        return version < committedAt;
      }
      long base = basedOn;
      return base < 0 || version <= base;
    }
  }

  /**
   * An account's changes in the order they were handed over: committed ones (oldest first, in the
   * order of their commits), then those in flight, then those waiting. So the changes that notes
   * read at some version lack are always a tail of the list.
   */
  private static final class Waiting {
    final List<Entry> list = new ArrayList<>();
  }

  private final Committer committer;
  private final Map<Long, Waiting> entries = new ConcurrentHashMap<>();
  private final Map<Long, AtomicLong> generations = new ConcurrentHashMap<>();
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private final LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private boolean failing;

  LintWriter(Committer committer) {
    this.committer = committer;
    this.thread = new Thread(this::run, "exports-lint-writer");
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands one exchange's changes over; returns at once. */
  void submit(long accountId, List<UnaryOperator<Notes>> changes, long atMillis) {
    while (true) {
      Waiting mine = entries.computeIfAbsent(accountId, id -> new Waiting());
      synchronized (mine) {
        if (entries.get(accountId) != mine) {
          continue; // emptied and let go meanwhile
        }
        if (mine.list.size() >= MAX_WAITING) {
          mine.list.remove(0);
        }
        mine.list.add(new Entry(List.copyOf(changes), atMillis));
        break;
      }
    }
    if (queued.add(accountId)) {
      due.add(accountId);
    }
  }

  /** This node's changes that the account's notes, read at {@code version}, lack, oldest first. */
  List<UnaryOperator<Notes>> missing(long accountId, long version) {
    Waiting mine = entries.get(accountId);
    if (mine == null) {
      return List.of();
    }
    List<UnaryOperator<Notes>> missing = new ArrayList<>();
    synchronized (mine) {
      int from = mine.list.size();
      while (from > 0 && mine.list.get(from - 1).missingFrom(version)) {
        from--;
      }
      for (Entry entry : mine.list.subList(from, mine.list.size())) {
        missing.addAll(entry.changes);
      }
    }
    return missing;
  }

  /** Accounts with changes not yet committed (their notes may not be listed yet). */
  Set<Long> waiting() {
    return Set.copyOf(entries.keySet());
  }

  /** Drops the account's waiting changes, and gives up one being committed. */
  void forget(long accountId) {
    generation(accountId).incrementAndGet();
    entries.remove(accountId);
  }

  /** Drops every waiting change. */
  void forgetAll() {
    entries.keySet().forEach(this::forget);
  }

  private AtomicLong generation(long accountId) {
    return generations.computeIfAbsent(accountId, id -> new AtomicLong());
  }

  private void run() {
    while (!closed || !due.isEmpty()) {
      Long accountId;
      try {
        accountId = due.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (accountId != null) {
        queued.remove(accountId);
        commitWaiting(accountId);
      }
      pruneCommitted();
    }
  }

  private void commitWaiting(long accountId) {
    Waiting mine = entries.get(accountId);
    if (mine == null) {
      return;
    }
    List<Entry> batch = new ArrayList<>();
    synchronized (mine) {
      mine.list.stream().filter(entry -> entry.committedAt == 0).forEach(batch::add);
    }
    if (batch.isEmpty()) {
      return;
    }
    long generation = generation(accountId).get();
    List<UnaryOperator<Notes>> all = new ArrayList<>();
    batch.forEach(entry -> all.addAll(entry.changes));
    long atMillis = batch.stream().mapToLong(entry -> entry.atMillis).max().orElseThrow();
    try {
      long version =
          committer.commit(
              accountId,
              all,
              atMillis,
              base -> batch.forEach(entry -> entry.basedOn = base),
              () -> generation(accountId).get() == generation && !closedFor(accountId));
      settled(mine, batch, version);
      failing = false;
    } catch (StateUnavailable e) {
      batch.forEach(entry -> entry.basedOn = -1);
      if (!failing) {
        LOG.log(Level.WARNING, "Lint notes wait: " + e.getMessage());
        failing = true;
      }
      pause();
      if (!closed && queued.add(accountId)) {
        due.add(accountId);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Lint notes of account " + accountId + " could not be written", e);
      synchronized (mine) {
        mine.list.removeAll(batch);
      }
    }
  }

  private boolean closedFor(long accountId) {
    return !entries.containsKey(accountId);
  }

  /** Marks the batch committed at {@code version}; an unknown version or none drops it. */
  private static void settled(Waiting mine, List<Entry> batch, long version) {
    long now = System.nanoTime();
    synchronized (mine) {
      for (Entry entry : batch) {
        if (version > 0) {
          entry.committedNanos = now;
          entry.committedAt = version;
        } else {
          mine.list.remove(entry);
        }
      }
    }
  }

  private void pruneCommitted() {
    long now = System.nanoTime();
    entries.forEach(
        (accountId, mine) -> {
          synchronized (mine) {
            int old = 0;
            while (old < mine.list.size()
                && mine.list.get(old).committedAt > 0
                && now - mine.list.get(old).committedNanos > KEEP_COMMITTED_NANOS) {
              old++;
            }
            if (old > 0) {
              mine.list.subList(0, old).clear();
            }
            if (mine.list.isEmpty()) {
              entries.remove(accountId, mine);
            }
          }
        });
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Commits what waits (while the store answers, for at most a few seconds), then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(TimeUnit.SECONDS.toMillis(3));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
