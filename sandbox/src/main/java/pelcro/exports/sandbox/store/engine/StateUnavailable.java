package pelcro.exports.sandbox.store.engine;

/**
 * The engine cannot be reached (a shared store's server is down or too slow): the request is
 * answered 503 and nothing is assumed about its effect; the engine reconnects by itself.
 */
public final class StateUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
