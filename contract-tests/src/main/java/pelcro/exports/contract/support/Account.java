package pelcro.exports.contract.support;

/** An API key and the site it works on: one caller of the Exports API. */
public record Account(String key, long siteId) {
  @Override
  public String toString() {
    // Never print a real key in a report.
    return "Account[site " + siteId + ", key " + (key.length() > 8 ? key.substring(0, 8) + "…" : "…") + "]";
  }
}
