package pelcro.exports.sandbox.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.Fault;
import pelcro.exports.sandbox.domain.FaultKind;
import pelcro.exports.sandbox.store.engine.Attempts;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;
import pelcro.exports.sandbox.store.engine.Versioned;

/**
 * The fault schedules: the whole sandbox's and each account's. Weighing a fault and counting its
 * strike is one compare-and-set, so "the next 2 times" strikes exactly twice however many requests
 * race, on one node or many. With no fault scheduled, an occasion costs nothing: the count of
 * scheduled faults is read once per request, with the clocks ({@link RequestReads}).
 */
public final class FaultStore {
  /** The faults of one scope, in the order they were added. */
  public record FaultSet(List<Fault> faults) {
    public FaultSet {
      faults = List.copyOf(faults);
    }
  }

  /** The fault that struck for an export's file: its scope (null: the sandbox's) and id. */
  public record FileStrike(Long scope, String faultId) {}

  private static final Codec<FaultSet> SET = Codec.of(FaultSet.class);
  private static final Codec<FileStrike> FILE_STRIKE = Codec.of(FileStrike.class);
  private static final Codec<ExportJob> JOB = Codec.of(ExportJob.class);
  private static final String SANDBOX = "sandbox";
  private static final String PRESENT = Keys.FAULTS_PRESENT;
  private static final String SEQUENCE = Keys.FAULT_SEQUENCE;
  private static final String ACCOUNTS = Keys.FAULTED_ACCOUNTS;

  private final StateEngine engine;

  FaultStore(StateEngine engine) {
    this.engine = engine;
  }

  /** Schedules a fault (its id is given here); it applies from the next occasion on. */
  public Fault add(Fault fault) {
    Fault withId =
        new Fault(
            "flt_" + engine.increment(SEQUENCE, 1, null),
            fault.kind(),
            fault.accountId(),
            fault.target(),
            fault.times(),
            fault.probability(),
            fault.seed(),
            fault.params(),
            0,
            0);
    String key = key(withId.accountId());
    Attempts.commit(
        engine,
        () -> {
          Versioned<FaultSet> read = engine.get(key, SET);
          List<Fault> faults = editable(read);
          faults.add(withId);
          Transaction tx =
              new Transaction()
                  .expect(key, read)
                  .put(key, new FaultSet(faults), SET)
                  .add(PRESENT, 1);
          if (withId.accountId() != null) {
            tx.index(ACCOUNTS, withId.accountId().toString(), withId.accountId());
          }
          return new Attempts.Step<>(tx, withId);
        });
    return withId;
  }

  /** Every scheduled fault: the sandbox's, then each account's. */
  public List<Fault> all() {
    List<Fault> faults = new ArrayList<>(of(null));
    for (String account : engine.range(ACCOUNTS, false, Integer.MAX_VALUE)) {
      faults.addAll(of(Long.valueOf(account)));
    }
    return faults;
  }

  /** The faults of one scope: an account's, or (null) the whole sandbox's. */
  public List<Fault> of(Long accountId) {
    FaultSet set = engine.get(key(accountId), SET).value();
    return set == null ? List.of() : set.faults();
  }

  /** Removes one fault; whether it existed (in that scope). */
  public boolean remove(Long accountId, String id) {
    String key = key(accountId);
    boolean removed =
        Attempts.commit(
            engine,
            () -> {
              Versioned<FaultSet> read = engine.get(key, SET);
              List<Fault> faults = editable(read);
              boolean found = faults.removeIf(f -> f.id().equals(id));
              Transaction tx =
                  new Transaction().expect(key, read).put(key, new FaultSet(faults), SET);
              if (found) {
                tx.add(PRESENT, -1);
              }
              return new Attempts.Step<>(tx, found);
            });
    return removed;
  }

  /** Removes every fault of one scope (an account's reset), or of every scope (null). */
  public void clear(Long accountId) {
    Attempts.commit(engine, () -> new Attempts.Step<>(clear(accountId, new Transaction()), null));
  }

  /**
   * Adds to {@code tx} the removal of every fault of one scope, or of every scope (null), with the
   * count of scheduled faults brought down by as many; the commit applies only while the scopes
   * still hold what was read.
   */
  Transaction clear(Long accountId, Transaction tx) {
    List<Long> scopes = new ArrayList<>();
    scopes.add(accountId);
    if (accountId == null) {
      engine.range(ACCOUNTS, false, Integer.MAX_VALUE).forEach(a -> scopes.add(Long.valueOf(a)));
    }
    for (Long scope : scopes) {
      Versioned<FaultSet> read = engine.get(key(scope), SET);
      if (read.present()) {
        tx.expect(key(scope), read).delete(key(scope)).add(PRESENT, -read.value().faults().size());
      }
      if (scope != null) {
        tx.unindex(ACCOUNTS, scope.toString());
      }
    }
    return tx;
  }

  /**
   * Weighs the faults aimed at this occasion (the account's first, then the sandbox's; the first
   * one with strikes left) and returns the one that struck, if one did.
   */
  public Optional<Fault> strike(FaultKind kind, long accountId, String target) {
    return strike(kind, accountId, target, null, null).map(Struck::fault);
  }

  /**
   * A fault that struck an export as it was made, and the export as the fault shaped it.
   *
   * @param job the shaped export, the very object written with the strike
   */
  public record Struck(Fault fault, ExportJob job) {}

  /**
   * As {@link #strike(FaultKind, long, String)}, for a fault that shapes an export just made (its
   * target is the export's type): the export as {@code shaping} makes it is written in the strike's
   * own commit, so the export and the count of strikes change together (on a Cluster, the export
   * right after). With {@code onFile}, the strike is also noted as {@link #strikeOnFile} notes it.
   */
  public Optional<Struck> strikeOnJob(
      FaultKind kind, ExportJob job, boolean onFile, Function<Fault, ExportJob> shaping) {
    return strike(kind, job.accountId(), job.type(), onFile ? job.uuid() : null, shaping);
  }

  /**
   * As {@link #strike(FaultKind, long, String)}, for a fault on an export's file: a strike is noted
   * with the export in the same commit, so that {@link #giveBackFileStrike} can return it if the
   * export never gets its file.
   */
  public Optional<Fault> strikeOnFile(
      FaultKind kind, long accountId, String target, String exportUuid) {
    return strike(kind, accountId, target, exportUuid, null).map(Struck::fault);
  }

  /**
   * Gives back the strike noted for an export's file (it was failed by hand, so its file will never
   * exist): the fault's count of strikes goes down by one in the same commit that forgets the note,
   * so the fault strikes the next export instead. Returns the fault as it is now, if a strike was
   * given back.
   */
  public Optional<Fault> giveBackFileStrike(String exportUuid) {
    String noteKey = Keys.faultOnFile(exportUuid);
    if (!engine.get(noteKey, FILE_STRIKE).present()) {
      return Optional.empty(); // the common case: no fault struck for its file
    }
    return Attempts.commit(
        engine,
        () -> {
          Versioned<FileStrike> note = engine.get(noteKey, FILE_STRIKE);
          if (!note.present()) {
            return new Attempts.Step<>(new Transaction(), Optional.<Fault>empty());
          }
          String key = key(note.value().scope());
          Versioned<FaultSet> read = engine.get(key, SET);
          List<Fault> faults = editable(read);
          Transaction tx = new Transaction().expect(noteKey, note).delete(noteKey);
          for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (f.id().equals(note.value().faultId()) && f.struck() > 0) {
              Fault back =
                  new Fault(
                      f.id(),
                      f.kind(),
                      f.accountId(),
                      f.target(),
                      f.times(),
                      f.probability(),
                      f.seed(),
                      f.params(),
                      f.weighed(),
                      f.struck() - 1);
              faults.set(i, back);
              tx.expect(key, read).put(key, new FaultSet(faults), SET);
              return new Attempts.Step<>(tx, Optional.of(back));
            }
          }
          return new Attempts.Step<>(tx, Optional.<Fault>empty()); // the fault was removed since
        });
  }

  /**
   * Weighs the first fault of each scope aimed at the occasion (the account's first), in one
   * compare-and-set of the scope's schedule; no commit at all when none is aimed at it.
   *
   * @param shaping with a strike, the export to write in the same commit; null: none
   */
  private Optional<Struck> strike(
      FaultKind kind,
      long accountId,
      String target,
      String exportUuid,
      Function<Fault, ExportJob> shaping) {
    if (RequestReads.counter(engine, PRESENT, List.of(PRESENT)) <= 0) {
      return Optional.empty();
    }
    for (Long scope : new Long[] {accountId, null}) {
      String key = key(scope);
      Optional<Optional<Struck>> weighed =
          Attempts.commit(
              engine,
              () -> {
                Versioned<FaultSet> read = engine.get(key, SET);
                List<Fault> faults = editable(read);
                for (int i = 0; i < faults.size(); i++) {
                  Fault fault = faults.get(i);
                  if (fault.aimsAt(kind, accountId, target) && !fault.spent()) {
                    Fault after = fault.weighedOnce();
                    faults.set(i, after);
                    boolean struck = after.struckSince(fault);
                    Transaction tx =
                        new Transaction().expect(key, read).put(key, new FaultSet(faults), SET);
                    if (struck && exportUuid != null) {
                      tx.put(
                          Keys.faultOnFile(exportUuid),
                          new FileStrike(scope, after.id()),
                          FILE_STRIKE);
                    }
                    ExportJob shaped = null;
                    if (struck && shaping != null) {
                      // Written without a check: the export was made by this request an instant
                      // ago, and is shaped whatever it holds now, as a separate update would.
                      shaped = shaping.apply(after);
                      tx.put(Keys.job(shaped.accountId(), shaped.uuid()), shaped, JOB);
                    }
                    return new Attempts.Step<>(
                        tx,
                        Optional.of(
                            struck
                                ? Optional.of(new Struck(after, shaped))
                                : Optional.<Struck>empty()));
                  }
                }
                return new Attempts.Step<>(new Transaction(), Optional.<Optional<Struck>>empty());
              });
      if (weighed.isPresent()) {
        return weighed.get(); // the first fault aimed at it decided
      }
    }
    return Optional.empty();
  }

  /** A scope's faults as read, in a list the caller may change (empty when none). */
  private static List<Fault> editable(Versioned<FaultSet> read) {
    return new ArrayList<>(read.present() ? read.value().faults() : List.of());
  }

  /** The key of a scope's faults: an account's, or (null) the whole sandbox's. */
  static String keyOf(Long accountId) {
    return key(accountId);
  }

  private static String key(Long accountId) {
    return Keys.faults(accountId == null ? SANDBOX : "account:" + accountId);
  }
}
