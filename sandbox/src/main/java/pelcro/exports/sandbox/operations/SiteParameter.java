package pelcro.exports.sandbox.operations;

import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;

/**
 * The required {@code site_id} query parameter (core-intro: "required at all times"): missing,
 * malformed, unknown and foreign sites all get 400 on {@code errors.site_id}; a foreign site is
 * answered exactly like an unknown one, so sites of other accounts are not revealed.
 */
public final class SiteParameter {
  static final String NAME = "site_id";

  private SiteParameter() {}

  /** The caller's site named by the raw query value. */
  public static long require(Caller caller, String raw) {
    if (raw == null || raw.isEmpty()) {
      throw ApiException.invalid(NAME, "The site id field is required.");
    }
    long siteId;
    try {
      siteId = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw ApiException.invalid(NAME, "The site id must be an integer.");
    }
    return requireOwned(caller, siteId);
  }

  /** {@code siteId} if it is one of the caller's sites. */
  public static long requireOwned(Caller caller, long siteId) {
    if (!caller.account().ownsSite(siteId)) {
      throw ApiException.invalid(NAME, "The selected site id is invalid.");
    }
    return siteId;
  }
}
