package pelcro.exports.contract.support;

/** An API key and the site it works on: one caller of the Exports API. */
public record Account(String key, long siteId) {
  @Override
  public String toString() {
    return "Account[site " + siteId + ", key " + mask(key) + "]";
  }

  /** A key as it may be printed: its prefix and last four characters, {@code sk_test_…rise}. */
  public static String mask(String key) {
    if (key == null || key.length() <= 12) {
      return "…";
    }
    int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1; // "sk_test_"
    prefix = prefix <= 0 || prefix > 8 ? 3 : prefix;
    return key.substring(0, prefix) + "…" + key.substring(key.length() - 4);
  }
}
