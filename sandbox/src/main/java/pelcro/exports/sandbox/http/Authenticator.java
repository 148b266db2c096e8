package pelcro.exports.sandbox.http;

import java.util.Optional;
import java.util.function.Function;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.store.Accounts;

/**
 * Turns {@code Authorization: Bearer <key>} into a {@link Caller} (core-intro), or refuses:
 * 401 "Unauthenticated." for a missing, malformed or unknown key; the Enterprise gate for the
 * others (401 per request-export and download-export, or 403 with
 * {@code --non-enterprise-status 403}, the overview's wording).
 */
final class Authenticator {
  private static final String BEARER = "bearer ";

  private final Accounts accounts;
  private final int nonEnterpriseStatus;
  private final Function<String, Optional<Account>> otherKeys;

  Authenticator(Accounts accounts, int nonEnterpriseStatus) {
    this(accounts, nonEnterpriseStatus, key -> Optional.empty());
  }

  /** @param otherKeys accounts beyond the accounts file (Try-it tenants), by key */
  Authenticator(
      Accounts accounts, int nonEnterpriseStatus, Function<String, Optional<Account>> otherKeys) {
    this.accounts = accounts;
    this.nonEnterpriseStatus = nonEnterpriseStatus;
    this.otherKeys = otherKeys;
  }

  Caller authenticate(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new ApiException(ApiError.UNAUTHENTICATED);
    }
    String key = authorization.substring(BEARER.length()).trim();
    Caller caller =
        accounts
            .byKey(key)
            .or(() -> otherKeys.apply(key))
            .map(Caller::new)
            .orElseThrow(() -> new ApiException(ApiError.UNAUTHENTICATED));
    if (!caller.account().enterprise()) {
      // Exports are available exclusively for Enterprise accounts (request-export banner).
      throw new ApiException(ApiError.NOT_ENTERPRISE).withStatus(nonEnterpriseStatus);
    }
    return caller;
  }
}
