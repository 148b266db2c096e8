package pelcro.exports.sandbox.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.store.engine.Codec;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.engine.Transaction;

/**
 * Sessions: isolated Enterprise accounts made on request (one per CI job or test class on a shared
 * sandbox), each with fresh keys, the default sites and its own clock, plus a non-Enterprise
 * companion for 401 tests. Ending a session ends both accounts.
 */
public final class Sessions {
  static final String KIND = "session";

  /**
   * The sites of a session's Enterprise account: the default account's, so the docs' examples work.
   */
  public static final List<Long> SITES = List.of(1001L, 1002L);

  /** The companion's one site. */
  public static final long BASIC_SITE = 3001L;

  private static final Codec<Session> SESSION = Codec.of(Session.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  private final StateEngine engine;
  private final RuntimeAccounts accounts;

  Sessions(StateEngine engine, RuntimeAccounts accounts) {
    this.engine = engine;
    this.accounts = accounts;
  }

  /**
   * A session: its id, its Enterprise account and its non-Enterprise companion.
   *
   * @param id the session's id, {@code ses_…}
   */
  public record Session(String id, Account enterprise, Account basic) {}

  /** A new session: its two accounts and its record in one commit. */
  public Session create(Instant now) {
    String enterpriseKey = "sk_test_session_" + random(24);
    String basicKey = "sk_test_session_basic_" + random(24);
    List<Account> made =
        accounts.createFresh(
            KIND,
            List.of(enterpriseKey, basicKey),
            now,
            List.of(
                id ->
                    new Account(
                        id,
                        enterpriseKey,
                        true,
                        SITES,
                        id,
                        "session-" + id + "@sandbox.example",
                        null),
                id ->
                    new Account(
                        id,
                        basicKey,
                        false,
                        List.of(BASIC_SITE),
                        id,
                        "session-" + id + "@sandbox.example",
                        null)),
            (accounts, tx) -> {
              Session session = session(accounts);
              tx.put(key(session.id()), session, SESSION);
            });
    return session(made);
  }

  private static Session session(List<Account> accounts) {
    return new Session("ses_" + accounts.get(0).id(), accounts.get(0), accounts.get(1));
  }

  public Optional<Session> find(String id) {
    return Optional.ofNullable(engine.get(key(id), SESSION).value());
  }

  /** Adds ending the session and its two accounts to {@code tx}. */
  void end(Session session, Transaction tx) {
    accounts.end(KIND, session.enterprise().id(), tx);
    accounts.end(KIND, session.basic().id(), tx);
    tx.delete(key(session.id()));
  }

  /** Ends the session's two accounts; returns the ended session, if it existed. */
  public Optional<Session> end(String id) {
    Optional<Session> session = find(id);
    session.ifPresent(
        s -> {
          accounts.end(KIND, s.enterprise().id());
          accounts.end(KIND, s.basic().id());
          engine.commit(new Transaction().delete(key(id)));
        });
    return session;
  }

  private static String key(String id) {
    return "session:" + id;
  }

  private static String random(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
