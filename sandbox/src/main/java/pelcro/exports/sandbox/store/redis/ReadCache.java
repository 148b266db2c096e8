package pelcro.exports.sandbox.store.redis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The node's copy of what it read from one Redis server, kept current by the server's invalidation
 * messages (client-side caching: {@code CLIENT TRACKING ON NOLOOP} on the node's connection, RESP3;
 * https://redis.io/docs/latest/develop/reference/client-side-caching/), so that a request whose
 * every key is held here needs no read ({@link Fence} makes it wait for one shared {@code PING}).
 *
 * <p>Redis remembers the keys the connection read (in scripts too) and sends the message for one on
 * the same connection as the replies when another node writes it (or it expires, or is deleted); so
 * a node has applied every change made before its last reply. Redis then forgets the key until it
 * is read again, which is why {@code commit.lua} reads what it wrote once more. What a reply
 * brought is kept only if no message about its key was applied since the read was sent ({@link
 * #begin}): a read that crossed a write never overwrites the message's removal. The node's own
 * writes send no message ({@code NOLOOP}): it applies them itself, with the values it wrote ({@link
 * #wrote}), so that its own commits (the lint's notes, many a second) do not empty the copy for its
 * next requests. A write whose outcome is unknown (an error, a timeout) leaves the copy unused
 * until tracking is asked for again ({@link #unsure}): on one connection, that answer comes after
 * the write has run. Losing the connection loses messages, so it empties the copy too.
 *
 * <p>Entries are named by their Redis key; an index keeps its size and its members apart ({@link
 * #SIZE}, {@link #MEMBERS}), both dropped by a message about the index.
 */
final class ReadCache {
  /** What follows an index's key for its size. */
  static final String SIZE = "\0size";

  /** What follows an index's key for its members. */
  static final String MEMBERS = "\0members";

  /** Messages are remembered per stripe of keys: a few false alarms, constant memory. */
  private static final int STRIPES = 4096;

  private final ConcurrentHashMap<String, Object> held = new ConcurrentHashMap<>();
  private final AtomicLongArray lastMessage = new AtomicLongArray(STRIPES);
  private final AtomicLong ticks = new AtomicLong(1);
  private final int capacity;

  /** Asks the server to track the connection's keys again (set by the link). */
  private volatile Runnable retrack = () -> {};

  /** Whether the server tracks this connection's keys now. */
  private volatile boolean tracking;

  /** Nothing read at or before this tick may be kept (tracking began, or was lost, then). */
  private volatile long voidUpTo = Long.MAX_VALUE;

  ReadCache(int capacity) {
    this.capacity = capacity;
  }

  /** The tick to give {@link #keep} for a read about to be sent. */
  long begin() {
    return ticks.incrementAndGet();
  }

  /** What is held for {@code entry}, or null (not held, or not tracking). */
  Object get(String entry) {
    return tracking ? held.get(entry) : null;
  }

  /**
   * Keeps {@code value} of {@code entry} (of Redis key {@code key}), read by a command sent at
   * {@code since}, unless a message about the key, or a loss of tracking, came after that.
   */
  void keep(long since, String key, String entry, Object value) {
    if (!usable(since, key)) {
      return;
    }
    if (held.size() >= capacity) {
      held.clear();
    }
    held.put(entry, value);
    // The message's side writes its tick, then removes; this side puts, then reads the tick: one
    // of the two sees the other, so a stale value never stays.
    if (!usable(since, key)) {
      held.remove(entry, value);
    }
  }

  private boolean usable(long since, String key) {
    return tracking && since > voidUpTo && lastMessage.get(stripe(key)) < since;
  }

  /** A message (or the node's own write): {@code key} changed. */
  void changed(String key) {
    lastMessage.accumulateAndGet(stripe(key), ticks.incrementAndGet(), Math::max);
    held.remove(key);
    held.remove(key + SIZE);
    held.remove(key + MEMBERS);
  }

  /** This node gave a member of the index {@code key} a new score: its size is still right. */
  void reordered(String key) {
    lastMessage.accumulateAndGet(stripe(key), ticks.incrementAndGet(), Math::max);
    held.remove(key + MEMBERS);
  }

  /**
   * This node wrote {@code value} to {@code key} by a command sent at {@code since}: kept unless
   * another node's write came after that; reads sent before it can no longer be kept.
   */
  void wrote(long since, String key, Object value) {
    boolean usable = usable(since, key);
    long now = ticks.incrementAndGet();
    lastMessage.accumulateAndGet(stripe(key), now, Math::max);
    if (!usable) {
      held.remove(key);
      return;
    }
    held.put(key, value);
    if (!tracking || since <= voidUpTo || lastMessage.get(stripe(key)) > now) {
      held.remove(key, value);
    }
  }

  /** A write's outcome is unknown: nothing is used until tracking is asked for again. */
  void unsure() {
    lost();
    retrack.run();
  }

  /** How {@link #unsure} asks for tracking again. */
  void retrackWith(Runnable ask) {
    retrack = ask;
  }

  /** Everything may have changed (a flush of the database, a whole reset). */
  void changedAll() {
    voidUpTo = ticks.incrementAndGet();
    held.clear();
  }

  /** The server tracks the connection's keys from now on. */
  void tracking() {
    voidUpTo = ticks.incrementAndGet();
    held.clear();
    tracking = true;
  }

  /** The connection is lost, and the messages with it. */
  void lost() {
    tracking = false;
    voidUpTo = ticks.incrementAndGet();
    held.clear();
  }

  /** How many entries are held (tests). */
  int size() {
    return held.size();
  }

  private static int stripe(String key) {
    return (key.hashCode() & 0x7fffffff) % STRIPES;
  }
}
