package pelcro.exports.sandbox.control;

/**
 * Which accounts a control call acts on: the whole sandbox ({@code /__admin/sandbox/...}), or one
 * account (the per-account admin routes, and the test helpers under {@code /__sandbox}, which act
 * on the caller's own account only).
 *
 * @param accountId the account, or null for the whole sandbox
 */
public record ControlScope(Long accountId) {
  public static final ControlScope WHOLE_SANDBOX = new ControlScope(null);

  public static ControlScope account(long accountId) {
    return new ControlScope(accountId);
  }

  public boolean wholeSandbox() {
    return accountId == null;
  }
}
