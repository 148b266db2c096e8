package pelcro.exports.sandbox.tryit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.store.RateWindows;
import pelcro.exports.sandbox.store.RuntimeAccounts;

/**
 * Try-it tenants ({@code --try-it}): one fresh Enterprise account per {@code sk_try_<1..64 of A-Z
 * a-z 0-9 _ ->} key, created on first use, kept in the store like any account made at run time.
 *
 * <p>Tenants idle for longer than {@code idle} on the sandbox clock expire; at most {@code
 * maxTenants} are live, the least recently used one being ended to make room. New tenants are
 * limited per minute, per client address and in total, so that one client cannot farm keys to push
 * every other visitor out (429, the vendor's throttling answer).
 *
 * @param forget clears what an ended tenant owned (its exports, its clock)
 */
public record TryItTenants(
    RuntimeAccounts accounts, RateWindows windows, Limits limits, LongConsumer forget) {
  /** How every Try-it key starts. */
  public static final String PREFIX = "sk_try_";

  /** The accepted key shape. */
  public static final Pattern KEY = Pattern.compile(PREFIX + "[A-Za-z0-9_-]{1,64}");

  /**
   * The site ids every tenant gets: those of the default Enterprise account, so the docs' examples
   * work.
   */
  public static final java.util.List<Long> SITE_IDS = java.util.List.of(1001L, 1002L);

  static final String KIND = "try-it";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** The creation windows' subjects: per client address, and all clients together. */
  private static final String ADDRESS = "try-it:";

  private static final String ALL = "try-it:all";

  /** Evictions one new tenant may make before it gives up (bounded however busy the store). */
  private static final int MAX_EVICTION_ROUNDS = 1000;

  /**
   * @param idle how long an unused tenant lives, on the sandbox clock
   * @param maxTenants live tenants at most
   * @param newPerAddress new tenants per minute per client address
   * @param newInTotal new tenants per minute in total
   */
  public record Limits(Duration idle, int maxTenants, int newPerAddress, int newInTotal) {}

  /** Whether a key has the Try-it shape (whether or not its tenant is live). */
  public static boolean isTryItKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The collaborator email of the tenant with this account id. */
  public static String userEmailOf(long accountId) {
    return "visitor-" + accountId + "@try-it.example";
  }

  /**
   * The key's tenant, created if it has none (within the creation limits), and marked as used;
   * empty for a key of another shape. A tenant idle for longer than {@code idle} is ended when its
   * key comes back (it then gets a fresh one), when a tenant is made, or when they are counted.
   *
   * @param now the sandbox clock
   */
  public Optional<Account> resolve(String key, String clientAddress, Instant now) {
    if (!isTryItKey(key)) {
      return Optional.empty();
    }
    // A returning visitor: found and marked as used in one read, unless idle for too long.
    Instant idleSince = now.minus(limits.idle());
    RuntimeAccounts.Use use = accounts.use(KIND, key, now, idleSince);
    if (use.account().isPresent()) {
      Account existing = use.account().get();
      if (use.lastUsed().isEmpty()) {
        // Not in the index (a Cluster node died while writing it): put it back.
        accounts.touch(KIND, existing.id(), now);
        return use.account();
      }
      if (use.lastUsed().get().isAfter(idleSince)) {
        return use.account();
      }
      end(existing.id()); // idle: its key gets a fresh tenant, as if it had been swept
    }
    // Other idle tenants are swept when a tenant is made, not on every request: until then they
    // only take room, and the cap ends the least recently used first, idle ones before any other.
    accounts.prepareCreation(
        KIND, key, idleSince, List.of(ADDRESS + clientAddress, ALL), now, MINUTE);
    expireIdle(now);
    admitNewTenant(clientAddress, now);
    // The cap is checked in the creation's own commit: racing visitors (on any node) cannot
    // together push the live tenants past it. When full, the least recently used one makes room.
    for (int round = 0; round < MAX_EVICTION_ROUNDS; round++) {
      Optional<Account> created =
          accounts.create(
              KIND,
              key,
              now,
              id -> new Account(id, key, true, SITE_IDS, id, userEmailOf(id), null),
              limits.maxTenants());
      if (created.isPresent()) {
        return created;
      }
      accounts.leastRecentlyUsed(KIND, 1).forEach(this::end);
    }
    // Only under a flood of new visitors that keeps taking the room made: ask to come back.
    throw new ApiException(ApiError.TOO_MANY_REQUESTS).withRetryAfter(Duration.ofSeconds(1));
  }

  /** How many tenants are live now (expired ones are ended first). */
  public long liveCount(Instant now) {
    expireIdle(now);
    return accounts.count(KIND);
  }

  private void admitNewTenant(String clientAddress, Instant now) {
    RateWindows.Count fromAddress = windows.count(ADDRESS + clientAddress, now, MINUTE);
    RateWindows.Count inTotal = windows.count(ALL, now, MINUTE);
    if (fromAddress.value() > limits.newPerAddress() || inTotal.value() > limits.newInTotal()) {
      Instant resets =
          fromAddress.resetsAt().isAfter(inTotal.resetsAt())
              ? fromAddress.resetsAt()
              : inTotal.resetsAt();
      // rate-limits: over a limit is a 429 (here, new Try-it keys per minute).
      throw new ApiException(ApiError.TOO_MANY_REQUESTS)
          .withRetryAfter(Duration.between(now, resets));
    }
  }

  private void expireIdle(Instant now) {
    accounts.idle(KIND, now.minus(limits.idle())).forEach(this::end);
  }

  private void end(long accountId) {
    accounts.end(KIND, accountId);
    forget.accept(accountId);
  }
}
