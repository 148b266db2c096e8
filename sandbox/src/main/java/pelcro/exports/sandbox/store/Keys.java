package pelcro.exports.sandbox.store;

import java.util.Locale;

/**
 * The names of everything the store keeps, in one place, so that the layout of a shared engine
 * (Redis) can be read from here: {@code job:{a<account>}:<uuid>}, {@code jobs:{a<account>}}, and so
 * on.
 *
 * <p>The part in braces is a Redis Cluster hash tag: keys with one tag are in one slot, and a
 * commit may only expect keys of one slot. So everything of an account that its rules read and
 * write together carries the account's tag {@code {a<id>}} (its accounts spread over the Cluster),
 * and each global thing has a tag of its own: the runtime accounts' keys and indexes ({@code
 * {accounts}}), the faults ({@code {faults}}), the webhook deliveries ({@code {deliveries}}) and
 * the lint's index of accounts ({@code {lint}}). A lookup by a job's uuid alone ({@code
 * owner:<uuid>}) is in the uuid's own slot.
 */
final class Keys {
  private Keys() {}

  /** The hash tag of an account's keys. */
  private static String of(long accountId) {
    return "{a" + accountId + ACCOUNT_SUFFIX;
  }

  /** What closes an account's hash tag. */
  static final String ACCOUNT_SUFFIX = "}";

  /**
   * A job's key, whatever the case of the uuid it is named by: uuids are written in lower case (RFC
   * 9562 §4) but compared without case, as the vendor's database (MySQL's default collations)
   * would, in the API, the control API and the test helpers alike.
   */
  static String job(long accountId, String uuid) {
    return "job:" + of(accountId) + ":" + uuid.toLowerCase(Locale.ROOT);
  }

  /** What a job's key has before its account's id ({@link #job}): how an owner names the job. */
  static String jobBeforeAccount() {
    return "job:{a";
  }

  /** What a job's key has after its account's id. */
  static String jobAfterAccount(String uuid) {
    return ACCOUNT_SUFFIX + ":" + uuid.toLowerCase(Locale.ROOT);
  }

  /** The account that owns a job, for the control API, which names a job by its uuid alone. */
  static String owner(String uuid) {
    return "owner:" + uuid.toLowerCase(Locale.ROOT);
  }

  /** What {@link #job} puts before a uuid of the account: how a slot's uuid names its job. */
  static String jobPrefix(long accountId) {
    return job(accountId, "");
  }

  /** The account's jobs, scored by creation time. */
  static String jobs(long accountId) {
    return "jobs:" + of(accountId);
  }

  /** The uuid of the account's latest job of a type (the one that may still be running). */
  static String slot(long accountId, String type) {
    return "slot:" + of(accountId) + ":" + type;
  }

  static String account(long accountId) {
    return "account:" + of(accountId);
  }

  /**
   * What {@link #account} puts before an id (and {@link #ACCOUNT_SUFFIX} after it): how a read that
   * finds an account's id under its API key names the account's record.
   */
  static String accountPrefix() {
    return "account:{a";
  }

  /**
   * A runtime account's id by its API key: with the kinds' indexes, since a creation expects both
   * the key (still free) and the kind's creation counter (the cap).
   */
  static String key(String apiKey) {
    return "key:{accounts}:" + apiKey;
  }

  /**
   * A copy of {@link #key}'s id in the API key's own slot, which each request with the key reads:
   * so the requests of all Try-it tenants do not all read one slot.
   */
  static String keyLookup(String apiKey) {
    return "keyid:" + apiKey;
  }

  /** Runtime accounts of a kind (sessions, Try-it tenants), scored by last use. */
  static String accounts(String kind) {
    return "accounts:{accounts}:" + kind;
  }

  /** Bumped by every capped creation of the kind's accounts: what makes the cap atomic. */
  static String creations(String kind) {
    return "creations:{accounts}:" + kind;
  }

  static final String ACCOUNT_SEQUENCE = "seq:account";
  static final String SANDBOX_CLOCK = "clock";

  static String clock(long accountId) {
    return "clock:" + of(accountId);
  }

  static String rateWindow(String subject, long windowStart) {
    return "rate:" + subject + ":" + windowStart;
  }

  static String lint(long accountId) {
    return "lint:" + of(accountId);
  }

  static final String LINTED_ACCOUNTS = "lint:{lint}:accounts";

  /** How many faults are scheduled, in every scope: 0 spares every occasion a read. */
  static final String FAULTS_PRESENT = "faults:{faults}:present";

  static final String FAULT_SEQUENCE = "seq:{faults}:fault";

  /** The accounts that have faults of their own. */
  static final String FAULTED_ACCOUNTS = "faults:{faults}:accounts";

  static String faults(String scope) {
    return "faults:{faults}:" + scope;
  }

  /** Which fault struck for an export's file, while the export may still fail by hand. */
  static String faultOnFile(String uuid) {
    return "faults:{faults}:file:" + uuid.toLowerCase(Locale.ROOT);
  }

  static String delivery(String id) {
    return "delivery:{deliveries}:" + id;
  }

  static final String DELIVERIES = "deliveries:{deliveries}";
  static final String DELIVERY_SEQUENCE = "seq:delivery";
  static final String WORLD = "world";
}
