package pelcro.exports.sandbox.tryit;

import java.util.List;

/**
 * A Try-it visitor's own Enterprise account, created on the first use of its {@code sk_try_} key.
 *
 * @param key the visitor's key
 * @param accountId a fresh account id, never shared with another tenant or a configured account
 * @param siteIds the default Enterprise account's site ids (1001, 1002), so the docs' examples work
 * @param userId the tenant's one collaborator
 * @param userEmail that collaborator's email
 */
public record TryItTenant(String key, long accountId, List<Long> siteIds, long userId, String userEmail) {
  /** The site ids every tenant gets: those of the default Enterprise account. */
  public static final List<Long> SITE_IDS = List.of(1001L, 1002L);

  public TryItTenant {
    siteIds = List.copyOf(siteIds);
  }

  /** The collaborator email of the tenant with this account id. */
  public static String userEmailOf(long accountId) {
    return "visitor-" + accountId + "@try-it.example";
  }
}
