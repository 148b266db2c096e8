package pelcro.exports.sandbox.http;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.lint.Exchange;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintRule;

/**
 * The HTTP side of the {@link IntegratorLint}: hands it each API exchange and names the rules the
 * request broke in {@code X-Sandbox-Lint} on its answer. The answer is otherwise untouched.
 */
final class LintObserver {
  static final String HEADER = "X-Sandbox-Lint";

  private final IntegratorLint lint;

  LintObserver(IntegratorLint lint) {
    this.lint = lint;
  }

  /** Whether the lint observes exchanges (its notes are read with each request's first read). */
  boolean enabled() {
    return lint != null;
  }

  /**
   * @param match the request's route, or null when it has none
   * @param caller the authenticated caller, or null
   */
  Answer observe(ApiRequest request, Routes.Match match, Caller caller, Answer answer) {
    if (lint == null) {
      return answer;
    }
    String uuid = match == null ? null : match.params().get("uuid");
    Exchange exchange =
        new Exchange(
            caller == null ? null : caller.accountId(),
            match == null ? null : match.route().operationId(), // null: a test helper
            uuid,
            QueryString.parse(request.url()),
            request.body(),
            answer.status(),
            answer.status() >= 400 ? answer.message() : null,
            retryAfter(answer),
            refusedFields(answer));
    List<LintRule> rules = lint.observe(exchange);
    if (rules.isEmpty()) {
      return answer;
    }
    String ids = rules.stream().map(LintRule::id).collect(Collectors.joining(", "));
    return answer.withHeaders(Map.of(HEADER, ids));
  }

  /** The fields named by a 400's {@code errors} (core-errors), so the lint leaves them alone. */
  private static Set<String> refusedFields(Answer answer) {
    if (answer.status() != 400 || answer.body().length == 0) {
      return Set.of();
    }
    try {
      Set<String> fields = new HashSet<>();
      Json.MAPPER.readTree(answer.body()).path("errors").fieldNames().forEachRemaining(fields::add);
      return fields;
    } catch (IOException e) {
      return Set.of(); // not JSON: no field was named
    }
  }

  private static Long retryAfter(Answer answer) {
    String header = answer.headers().get("Retry-After");
    try {
      return header == null ? null : Long.parseLong(header);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
