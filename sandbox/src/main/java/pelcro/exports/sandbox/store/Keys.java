package pelcro.exports.sandbox.store;

import java.util.Locale;

/**
 * The names of everything the store keeps, in one place, so that the layout of a shared engine
 * (Redis) can be read from here: {@code job:<uuid>}, {@code jobs:<account>}, and so on.
 */
final class Keys {
  private Keys() {}

  /**
   * A job's key, whatever the case of the uuid it is named by: uuids are written in lower case (RFC
   * 9562 §4) but compared without case, as the vendor's database (MySQL's default collations)
   * would, in the API, the control API and the test helpers alike.
   */
  static String job(String uuid) {
    return "job:" + uuid.toLowerCase(Locale.ROOT);
  }

  /** What {@link #job} puts before a uuid: the prefix a slot's uuid is followed with. */
  static String jobPrefix() {
    return job("");
  }

  /** The account's jobs, scored by creation time. */
  static String jobs(long accountId) {
    return "jobs:" + accountId;
  }

  /** The uuid of the account's latest job of a type (the one that may still be running). */
  static String slot(long accountId, String type) {
    return "slot:" + accountId + ":" + type;
  }

  static String account(long accountId) {
    return accountPrefix() + accountId;
  }

  /** What {@link #account} puts before an id: the prefix a key's account id is followed with. */
  static String accountPrefix() {
    return "account:";
  }

  static String key(String apiKey) {
    return "key:" + apiKey;
  }

  /** Runtime accounts of a kind (sessions, Try-it tenants), scored by last use. */
  static String accounts(String kind) {
    return "accounts:" + kind;
  }

  /** Bumped by every capped creation of the kind's accounts: what makes the cap atomic. */
  static String creations(String kind) {
    return "creations:" + kind;
  }

  static final String ACCOUNT_SEQUENCE = "seq:account";
  static final String SANDBOX_CLOCK = "clock";

  static String clock(long accountId) {
    return "clock:" + accountId;
  }

  static String rateWindow(String subject, long windowStart) {
    return "rate:" + subject + ":" + windowStart;
  }

  static String lint(long accountId) {
    return "lint:" + accountId;
  }

  static final String LINTED_ACCOUNTS = "lint:accounts";

  /** How many faults are scheduled, in every scope: 0 spares every occasion a read. */
  static final String FAULTS_PRESENT = "faults:present";

  static String faults(String scope) {
    return "faults:" + scope;
  }

  /** Which fault struck for an export's file, while the export may still fail by hand. */
  static String faultOnFile(String uuid) {
    return "faults:file:" + uuid.toLowerCase(Locale.ROOT);
  }

  static String delivery(String id) {
    return "delivery:" + id;
  }

  static final String DELIVERIES = "deliveries";
  static final String DELIVERY_SEQUENCE = "seq:delivery";
  static final String WORLD = "world";
}
