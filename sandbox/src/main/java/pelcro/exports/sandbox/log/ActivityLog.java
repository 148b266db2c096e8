package pelcro.exports.sandbox.log;

/**
 * What the sandbox is doing, for {@code --verbose}: one line per request, per change of an export
 * (queued with its schedule, completed or failed by hand, downloaded or broken off), per webhook
 * attempt and per throttled request. {@link #QUIET} (the default) writes nothing.
 */
public interface ActivityLog {
  /** Writes nothing. */
  ActivityLog QUIET = new ActivityLog() {};

  /**
   * One answered request.
   *
   * @param accountId the authenticated account, or null
   * @param target the method and the path with its query, keys not yet masked
   */
  default void request(String client, Long accountId, String target, int status, long millis) {}

  /** Something happened to an export. */
  default void export(long accountId, String uuid, String what) {}

  /** A webhook delivery was attempted, or gave up. */
  default void webhook(long accountId, String deliveryId, String what) {}

  /** A scheduled fault struck. */
  default void fault(long accountId, String what) {}

  /** A request of the account was refused by its rate limit. */
  default void throttled(long accountId, String what) {}

  /**
   * A request no stub matched, outside the sandbox's own paths.
   *
   * @param target the method and the path with its query, keys not yet masked
   * @param closest the closest stub (WireMock's near miss), or null when there is no stub
   */
  default void unmatched(String target, String closest) {}

  /** Whether lines are written at all (callers skip building them when not). */
  default boolean enabled() {
    return false;
  }
}
