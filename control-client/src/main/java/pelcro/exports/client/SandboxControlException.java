package pelcro.exports.client;

/**
 * A control call the sandbox refused: 404 for an unknown export or session (or for all of {@code
 * /__admin} with {@code --no-admin}), 409 for an export that is no longer queued or processing, 400
 * for a bad request, 401 without the admin token or the account's key. Carries the status and the
 * sandbox's JSON answer.
 */
public class SandboxControlException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  public SandboxControlException(String call, int status, String body) {
    super(call + " answered " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  /** The HTTP status the sandbox answered. */
  public int status() {
    return status;
  }

  /** The sandbox's answer, as sent (JSON). */
  public String body() {
    return body;
  }
}
