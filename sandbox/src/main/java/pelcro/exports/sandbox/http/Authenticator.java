package pelcro.exports.sandbox.http;

import java.util.Optional;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.store.Accounts;

/**
 * Turns {@code Authorization: Bearer <key>} into a {@link Caller} (core-intro), or refuses: 401
 * "Unauthenticated." for a missing, malformed or unknown key; the Enterprise gate for the others
 * (401 per request-export and download-export, or 403 with {@code --non-enterprise-status 403}, the
 * overview's wording).
 *
 * <p>A key is looked up in the accounts file first, then among the accounts made at run time
 * (sessions), then as a Try-it key (whose tenant may be made now).
 */
final class Authenticator {
  private static final String BEARER = "bearer ";

  /** Accounts made at run time, by key and client address (sessions, Try-it tenants). */
  @FunctionalInterface
  interface RuntimeKeys {
    Optional<Account> find(String key, String clientAddress);
  }

  private final Accounts accounts;
  private final int nonEnterpriseStatus;
  private final RuntimeKeys runtimeKeys;

  Authenticator(Accounts accounts, int nonEnterpriseStatus) {
    this(accounts, nonEnterpriseStatus, (key, client) -> Optional.empty());
  }

  Authenticator(Accounts accounts, int nonEnterpriseStatus, RuntimeKeys runtimeKeys) {
    this.accounts = accounts;
    this.nonEnterpriseStatus = nonEnterpriseStatus;
    this.runtimeKeys = runtimeKeys;
  }

  Caller authenticate(String authorization, String clientAddress) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(ApiError.UNAUTHENTICATED);
    }
    String key = authorization.substring(BEARER.length()).trim();
    Caller caller =
        accounts
            .byKey(key)
            .or(() -> runtimeKeys.find(key, clientAddress))
            .map(Caller::new)
            .orElseThrow(() -> new ApiException(ApiError.UNAUTHENTICATED));
    if (!caller.account().enterprise()) {
      // Exports are available exclusively for Enterprise accounts (request-export banner).
      throw new ApiException(ApiError.NOT_ENTERPRISE).withStatus(nonEnterpriseStatus);
    }
    return caller;
  }
}
