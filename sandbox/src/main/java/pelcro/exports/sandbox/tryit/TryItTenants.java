package pelcro.exports.sandbox.tryit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The registry of Try-it tenants ({@code --try-it}): one fresh Enterprise account per
 * {@code sk_try_<1..64 of A-Z a-z 0-9 _ ->} key, created on first use.
 *
 * <p>Tenants idle for longer than {@code idle} on the sandbox clock expire; at most
 * {@code maxTenants} are live, the least recently used one being evicted to make room. The
 * {@code onEvicted} callback lets the store drop the tenant's exports, so the memory the sandbox
 * holds stays bounded however many visitors come. A key that comes back after its tenant expired
 * gets a new, empty account.
 */
public final class TryItTenants {
  /** The accepted key shape. */
  public static final Pattern KEY = Pattern.compile("sk_try_[A-Za-z0-9_-]{1,64}");
  /** First account id handed out; far from the ids of {@code accounts.json}. */
  static final long FIRST_ACCOUNT_ID = 9_000_000_001L;

  private final InstantSource clock;
  private final Duration idle;
  private final int maxTenants;
  private final Consumer<TryItTenant> onEvicted;
  private final Map<String, Entry> live = new LinkedHashMap<>(16, 0.75f, true);
  private long nextAccountId = FIRST_ACCOUNT_ID;

  public TryItTenants(InstantSource clock, Duration idle, int maxTenants, Consumer<TryItTenant> onEvicted) {
    if (maxTenants < 1 || idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("Try-it needs a positive tenant cap and idle time");
    }
    this.clock = clock;
    this.idle = idle;
    this.maxTenants = maxTenants;
    this.onEvicted = onEvicted;
  }

  /** Whether a key has the Try-it shape (whether or not its tenant is live). */
  public static boolean isTryItKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /**
   * The key's tenant, created if it has none, and marked as used now; empty for a key of
   * another shape.
   */
  public Optional<TryItTenant> resolve(String key) {
    if (!isTryItKey(key)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    List<TryItTenant> evicted = new ArrayList<>();
    TryItTenant tenant;
    synchronized (this) {
      expire(now, evicted);
      Entry entry = live.get(key);
      if (entry == null) {
        if (live.size() >= maxTenants) {
          evicted.add(removeEldest());
        }
        long id = nextAccountId++;
        entry = new Entry(new TryItTenant(key, id, TryItTenant.SITE_IDS, id,
            TryItTenant.userEmailOf(id)));
        live.put(key, entry);
      }
      entry.lastUsed = now;
      tenant = entry.tenant;
    }
    // Outside the lock: the callback clears the tenant's data in the store.
    evicted.forEach(onEvicted);
    return Optional.of(tenant);
  }

  /** Whether an account id belongs to a live tenant. */
  public synchronized boolean isLiveAccount(long accountId) {
    return live.values().stream().anyMatch(e -> e.tenant.accountId() == accountId);
  }

  /** How many tenants are live now (expired ones are dropped first). */
  public int liveCount() {
    List<TryItTenant> evicted = new ArrayList<>();
    int count;
    synchronized (this) {
      expire(clock.instant(), evicted);
      count = live.size();
    }
    evicted.forEach(onEvicted);
    return count;
  }

  private void expire(Instant now, List<TryItTenant> evicted) {
    // Access order: the eldest entry is the least recently used, so expiry stops at the first live one.
    for (Iterator<Entry> it = live.values().iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (Duration.between(entry.lastUsed, now).compareTo(idle) < 0) {
        break;
      }
      it.remove();
      evicted.add(entry.tenant);
    }
  }

  private TryItTenant removeEldest() {
    Iterator<Entry> it = live.values().iterator();
    TryItTenant eldest = it.next().tenant;
    it.remove();
    return eldest;
  }

  private static final class Entry {
    final TryItTenant tenant;
    Instant lastUsed;

    Entry(TryItTenant tenant) {
      this.tenant = tenant;
    }
  }
}
