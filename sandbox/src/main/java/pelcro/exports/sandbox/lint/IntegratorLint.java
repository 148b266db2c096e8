package pelcro.exports.sandbox.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongFunction;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.ApiError;

/**
 * The integrator lint: watches each account's traffic and notes what a real integration should fix
 * (the rules of {@link LintRule}), without changing any answer.
 *
 * <p>The HTTP adapter hands every API exchange to {@link #observe} and adds the rules it returns to
 * the answer as {@code X-Sandbox-Lint}; the findings stay in the {@link LintLedger} for the control
 * API and embedded tests. Time comes from the account's clock (the sandbox clock here), given per
 * account so that per-account clocks fit.
 */
public final class IntegratorLint {
  /** How soon a repeat counts as hammering (the rules' "within 1 s"). */
  static final Duration TOO_SOON = Duration.ofSeconds(1);

  private static final Set<String> KEY_PARAMETERS =
      Set.of(
          "api_key",
          "apikey",
          "key",
          "token",
          "api_token",
          "access_token",
          "authorization",
          "bearer");

  private final LongFunction<Instant> clockOf;
  private final LintLedger ledger;
  private final LintMemory memory;
  private final Function<String, Optional<Long>> accountOfKey;

  /**
   * @param clockOf the present of an account's clock
   * @param accountOfKey the account of a key found in a query string (never creates one)
   */
  public IntegratorLint(
      LongFunction<Instant> clockOf,
      LintLedger ledger,
      LintMemory memory,
      Function<String, Optional<Long>> accountOfKey) {
    this.clockOf = clockOf;
    this.ledger = ledger;
    this.memory = memory;
    this.accountOfKey = accountOfKey;
  }

  /** Records what {@code exchange} did wrong; returns the rules it broke, in table order. */
  public List<LintRule> observe(Exchange exchange) {
    List<LintHit> hits = new ArrayList<>();
    Long account = exchange.accountId();
    Optional<String> keyParameter = keyInQuery(exchange.query());
    if (keyParameter.isPresent()) {
      hits.add(new LintHit(LintRule.KEY_IN_QUERY, "query parameter " + keyParameter.get()));
      if (account == null) {
        account = accountOfKey.apply(exchange.query().get(keyParameter.get()).trim()).orElse(null);
      }
    }
    boolean served =
        exchange.status() != 401 && exchange.status() != 403 && exchange.status() != 429;
    JsonNode body =
        Exchange.REQUEST.equals(exchange.operationId()) ? BodyLint.parse(exchange.body()) : null;
    if (served && body != null) {
      // A field the answer refused is named there already: no finding repeats or contradicts it
      // (month-not-first-day for 2023-02-29), unless the finding is why it was refused.
      BodyLint.check(body).stream()
          .filter(
              hit ->
                  hit.rule().explainsRefusal() || !exchange.refusedFields().contains(hit.field()))
          .forEach(hits::add);
    }
    if (served && Exchange.LIST.equals(exchange.operationId())) {
      pagination(exchange.query(), hits);
    }
    if (account == null) {
      return List.copyOf(broken(hits).keySet());
    }
    long id = account;
    // Every fact and finding of the exchange in one commit of the account's notes.
    return memory.together(
        id,
        () -> {
          Instant now = clockOf.apply(id);
          traffic(id, exchange, body, now, hits);
          Map<LintRule, String> broken = broken(hits);
          broken.forEach((rule, detail) -> ledger.record(id, rule, detail, now));
          return List.copyOf(broken.keySet());
        });
  }

  /** One occurrence per rule and request: several ignored fields of one body count once. */
  private static Map<LintRule, String> broken(List<LintHit> hits) {
    Map<LintRule, String> broken = new TreeMap<>();
    hits.forEach(hit -> broken.merge(hit.rule(), hit.detail(), (a, b) -> a + "; " + b));
    return broken;
  }

  /** The rules that compare this exchange with the account's earlier ones. */
  private void traffic(long account, Exchange e, JsonNode body, Instant now, List<LintHit> hits) {
    if (recent(account, "retry-after", now, Duration.ZERO)) {
      hits.add(new LintHit(LintRule.RETRIED_BEFORE_RETRY_AFTER, "status " + e.status()));
    }
    if (e.status() == 429 && e.retryAfterSeconds() != null) {
      // Remembered as the deadline itself: a request before it is too early.
      memory.remember(account, "retry-after", now.plusSeconds(e.retryAfterSeconds()));
    }
    if (Exchange.DOWNLOAD.equals(e.operationId()) && e.uuid() != null) {
      download(account, e, now, hits);
    }
    if (Exchange.REQUEST.equals(e.operationId())) {
      String type = body == null ? "" : BodyLint.type(body).orElse("");
      request(account, e, type, RequestFingerprint.of(e, body), now, hits);
    }
  }

  private void download(long account, Exchange e, Instant now, List<LintHit> hits) {
    String uuid = e.uuid().toLowerCase(Locale.ROOT); // matched without case, as downloads are
    boolean notReady =
        e.status() == ApiError.NOT_READY.status()
            && ApiError.NOT_READY.message().equals(e.message());
    // Only a wasted poll counts: one that delivers the file (say, just after the docs page's
    // "finish my export now") was not too soon.
    if (notReady && recent(account, "not-ready:" + uuid, now, TOO_SOON)) {
      hits.add(new LintHit(LintRule.DOWNLOAD_POLLED_TOO_SOON, uuid));
    }
    boolean notFound =
        e.status() == ApiError.FILE_NOT_FOUND.status()
            && ApiError.FILE_NOT_FOUND.message().equals(e.message());
    if (notFound && memory.recall(account, "not-found:" + uuid).isPresent()) {
      hits.add(new LintHit(LintRule.NOT_FOUND_POLLED, uuid));
    }
    if (notFound) {
      memory.remember(account, "not-found:" + uuid, now);
    } else if (notReady) {
      memory.remember(account, "not-ready:" + uuid, now);
    } else if (e.status() == 200) {
      memory.remember(account, "delivered:" + uuid, now);
    } else if (e.status() == ApiError.ALREADY_DOWNLOADED.status()
        && ApiError.ALREADY_DOWNLOADED.message().equals(e.message())
        && memory.recall(account, "delivered:" + uuid).isPresent()) {
      hits.add(new LintHit(LintRule.DOWNLOAD_AGAIN, uuid));
    }
  }

  /**
   * The rules about repeating one request ({@code fingerprint}): too soon after "Export in
   * progress" or "Nothing to export", or at all after a refusal that will not change.
   */
  private void request(
      long account, Exchange e, String type, String fingerprint, Instant now, List<LintHit> hits) {
    if (recent(account, "refused:" + fingerprint, now, TOO_SOON)) {
      hits.add(new LintHit(LintRule.REQUEST_RETRIED_TOO_SOON, type));
    }
    if (memory.recall(account, "invalid:" + fingerprint).isPresent()) {
      hits.add(new LintHit(LintRule.REFUSED_REQUEST_REPEATED, type));
    }
    boolean inProgress = e.status() == ApiError.EXPORT_IN_PROGRESS.status();
    boolean nothing =
        e.status() == ApiError.NOTHING_TO_EXPORT.status()
            && ApiError.NOTHING_TO_EXPORT.message().equals(e.message());
    if (inProgress || nothing) {
      memory.remember(account, "refused:" + fingerprint, now);
    }
    // Only refusals the same request always meets: "Nothing to export" may change as records
    // are added, "Export in progress" as the export ends.
    boolean invalid =
        e.status() == ApiError.INVALID_DATA.status()
            && (ApiError.INVALID_DATA.message().equals(e.message())
                || ApiError.INVALID_DATE_RANGE.message().equals(e.message()));
    if (invalid) {
      memory.remember(account, "invalid:" + fingerprint, now);
    }
  }

  /**
   * Whether {@code fact} happened less than {@code window} before now (or is a deadline not yet
   * passed).
   */
  private boolean recent(long account, String fact, Instant now, Duration window) {
    return memory.recall(account, fact).map(at -> now.isBefore(at.plus(window))).orElse(false);
  }

  private static Optional<String> keyInQuery(Map<String, String> query) {
    return query.entrySet().stream()
        .filter(
            q ->
                KEY_PARAMETERS.contains(q.getKey().toLowerCase(Locale.ROOT))
                    || q.getValue().startsWith("sk_")
                    || q.getValue().regionMatches(true, 0, "Bearer ", 0, 7))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static void pagination(Map<String, String> query, List<LintHit> hits) {
    for (String name : List.of("page", "limit")) {
      String raw = query.get(name);
      // The parameter's schema is "Page" or "Limit" (components/parameters).
      String parameter = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      if (raw != null
          && !raw.isEmpty()
          && !within(raw, ExportsSpec.get().parameterSchema(parameter))) {
        hits.add(new LintHit(LintRule.PAGINATION_OUT_OF_RANGE, name + "=" + raw));
      }
    }
  }

  private static boolean within(String raw, Schema<?> schema) {
    try {
      BigInteger value = new BigInteger(raw);
      return value.compareTo(schema.getMinimum().toBigInteger()) >= 0
          && value.compareTo(schema.getMaximum().toBigInteger()) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The findings, filtered by account and rule id when not null. */
  public List<LintFinding> findings(Long accountId, String rule) {
    return ledger.findings(accountId, rule);
  }

  /** Forgets one account's findings and facts (an evicted Try-it tenant). */
  public void forget(long accountId) {
    ledger.forget(accountId);
    memory.forget(accountId);
  }

  /** Forgets every finding and fact (control API reset). */
  public void clear() {
    ledger.clear();
    memory.clear();
  }
}
