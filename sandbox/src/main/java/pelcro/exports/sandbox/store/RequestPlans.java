package pelcro.exports.sandbox.store;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import pelcro.exports.sandbox.store.engine.Batch;
import pelcro.exports.sandbox.store.engine.StateEngine;

/**
 * What each kind of request reads, fetched in one round trip before it runs ({@link
 * RequestReads#prefetch}): the clock offsets and the fault count every request needs, the account's
 * lint notes and scheduled faults, and what its kind decides on (a request's slot and the job in
 * it, a download's job, a runtime account's record). The operations then read from the store as
 * usual and find everything there; anything not planned is still read, one more command.
 *
 * <p>The rate window is counted in the same round trip: its key depends on the account's clock, so
 * the node guesses the offsets it saw last, and the increment applies only if they still hold (else
 * the limiter counts on its own once it has read the offsets: one more command, only after another
 * node moved the clock).
 */
public final class RequestPlans {
  /** What a request is, as far as its reads go. */
  public enum Kind {
    LIST,
    REQUEST,
    DOWNLOAD,
    OTHER
  }

  /**
   * One request's plan.
   *
   * @param type the export type a request asks for, if known
   * @param uuid the export a download names, if any
   * @param lint whether the lint will observe it (its notes are read)
   * @param rateSubject the rate window's subject when it is counted, else null
   * @param rateWindow the rate window's length
   */
  public record Request(
      long accountId,
      Kind kind,
      String type,
      String uuid,
      boolean lint,
      String rateSubject,
      Duration rateWindow) {}

  private final StateEngine engine;
  private final InstantSource base;
  private final AccountClocks clocks;

  RequestPlans(StateEngine engine, InstantSource base, AccountClocks clocks) {
    this.engine = engine;
    this.base = base;
    this.clocks = clocks;
  }

  /** Reads what {@code request} will need, in one round trip; kept until the request ends. */
  public void prefetch(Request request) {
    long account = request.accountId();
    String accountClock = Keys.clock(account);
    Batch batch =
        new Batch()
            .counter(Keys.SANDBOX_CLOCK)
            .counter(accountClock)
            .counter(Keys.FAULTS_PRESENT)
            .value(FaultStore.keyOf(account))
            .value(FaultStore.keyOf(null));
    if (request.lint()) {
      batch.value(Keys.lint(account)).size(Keys.LINTED_ACCOUNTS);
    }
    if (RuntimeAccounts.isRuntime(account)) {
      batch.value(Keys.account(account));
    }
    if (request.kind() == Kind.REQUEST && request.type() != null) {
      batch
          .follow(Keys.slot(account, request.type()), Keys.jobPrefix(account), "")
          .size(Keys.jobs(account));
    }
    if (request.kind() == Kind.DOWNLOAD && request.uuid() != null) {
      batch.value(Keys.job(account, request.uuid()));
    }
    long[] offsets = clocks.guess(account);
    long sandboxGuess = offsets[0];
    long accountGuess = offsets[1];
    if (request.rateSubject() != null) {
      Instant guess = base.instant().plusMillis(sandboxGuess + accountGuess);
      Map<String, Long> seen = new LinkedHashMap<>();
      seen.put(Keys.SANDBOX_CLOCK, sandboxGuess);
      seen.put(accountClock, accountGuess);
      Duration window = request.rateWindow();
      batch.increment(
          RateWindows.key(request.rateSubject(), guess, window),
          1,
          RateWindows.lifetime(window),
          seen);
    }
    RequestReads.prefetch(engine, batch);
    clocks.saw(account);
  }
}
