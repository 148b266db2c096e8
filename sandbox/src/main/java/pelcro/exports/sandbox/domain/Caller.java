package pelcro.exports.sandbox.domain;

/**
 * The authenticated client of one request: the account its Bearer key belongs to.
 *
 * <p>Operations take every tenant boundary from here, never from request fields, so one account can
 * never reach another's exports.
 */
public record Caller(Account account) {

  public long accountId() {
    return account.id();
  }
}
