package pelcro.exports.testcontainers;

/**
 * A control call the sandbox refused: 404 for an unknown export (or for all of {@code /__admin}
 * with {@code --no-admin}), 409 for an export that is no longer queued or processing, 400 for a
 * bad request. Carries the status and the sandbox's JSON answer.
 */
public class SandboxControlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  public SandboxControlException(String call, int status, String body) {
    super(call + " answered " + status + ": " + body);
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
