package pelcro.exports.sandbox.log;

import java.io.PrintStream;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.LongPredicate;
import pelcro.exports.sandbox.domain.KeyMask;

/**
 * {@code --verbose}: the activity as lines on stdout, stamped with the sandbox clock (so a test
 * that advances the clock sees its exports move), keys masked.
 */
public final class PrintingActivityLog implements ActivityLog {
  private final PrintStream out;
  private final InstantSource clock;
  private final LongPredicate mutedAccount;

  public PrintingActivityLog(PrintStream out, InstantSource clock) {
    this(out, clock, account -> false);
  }

  /**
   * @param mutedAccount the accounts whose lines are not written: the sandbox's own warm-up
   *     session. Muted by account, not by time, so that a client's request answered while the
   *     sandbox starts (before it is ready) is written like any other.
   */
  public PrintingActivityLog(PrintStream out, InstantSource clock, LongPredicate mutedAccount) {
    this.out = out;
    this.clock = clock;
    this.mutedAccount = mutedAccount;
  }

  @Override
  public void request(String client, Long accountId, String target, int status, long millis) {
    line(
        "request",
        accountId,
        KeyMask.keysIn(target) + " -> " + status + " (" + millis + " ms, from " + client + ")");
  }

  @Override
  public void export(long accountId, String uuid, String what) {
    line("export", accountId, uuid + " " + what);
  }

  @Override
  public void webhook(long accountId, String deliveryId, String what) {
    line("webhook", accountId, deliveryId + " " + what);
  }

  @Override
  public void fault(long accountId, String what) {
    line("fault", accountId, what);
  }

  @Override
  public void throttled(long accountId, String what) {
    line("limit", accountId, what);
  }

  @Override
  public void unmatched(String target, String closest) {
    line(
        "stub",
        null,
        KeyMask.keysIn(target)
            + " -> 404, no stub matched"
            + (closest == null ? " (no stubs)" : "; closest stub: " + closest));
  }

  @Override
  public boolean enabled() {
    return true;
  }

  private void line(String kind, Long accountId, String text) {
    if (accountId != null && mutedAccount.test(accountId)) {
      return;
    }
    String stamp = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    String account = accountId == null ? "-" : accountId.toString();
    synchronized (out) {
      out.printf("%s %-8s account %-10s %s%n", stamp, kind, account, text);
    }
  }
}
