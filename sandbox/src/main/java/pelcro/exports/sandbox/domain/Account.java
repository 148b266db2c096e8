package pelcro.exports.sandbox.domain;

import java.util.List;

/**
 * An account of the sandbox: its API key, whether it is Enterprise, and the sites it owns.
 *
 * @param id the {@code account_id} of its exports
 * @param key the Bearer key that authenticates it
 * @param enterprise whether exports are open to it ("exclusively for Enterprise accounts")
 * @param sites the ids of its sites, the only values {@code site_id} may take
 * @param userId the {@code user_id} of the exports it requests
 * @param userEmail the requesting user's email
 * @param apiCoreRateLimit requests per minute (account object's {@code api_core_rate_limit}); null
 *     = default
 */
public record Account(
    long id,
    String key,
    boolean enterprise,
    List<Long> sites,
    long userId,
    String userEmail,
    Integer apiCoreRateLimit) {

  public Account {
    sites = List.copyOf(sites);
  }

  /** Whether {@code siteId} is one of this account's sites. */
  public boolean ownsSite(long siteId) {
    return sites.contains(siteId);
  }
}
