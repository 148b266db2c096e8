package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import java.util.List;
import java.util.stream.Collectors;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.lint.Exchange;
import pelcro.exports.sandbox.lint.IntegratorLint;
import pelcro.exports.sandbox.lint.LintRule;

/**
 * The WireMock side of the {@link IntegratorLint}: hands it each API exchange and names the
 * rules the request broke in {@code X-Sandbox-Lint} on its answer. The answer is otherwise
 * untouched.
 */
final class LintObserver {
  static final String HEADER = "X-Sandbox-Lint";

  private final IntegratorLint lint;

  LintObserver(IntegratorLint lint) {
    this.lint = lint;
  }

  /**
   * @param match the request's route, or null when it has none
   * @param caller the authenticated caller, or null
   */
  Response observe(Request request, Routes.Match match, Caller caller, Response answer) {
    if (lint == null) {
      return answer;
    }
    String uuid = match == null ? null : match.params().get("uuid");
    Exchange exchange = new Exchange(
        caller == null ? null : caller.accountId(),
        operationId(request, match, uuid),
        uuid,
        QueryString.parse(request.getUrl()),
        request.getBody(),
        answer.getStatus(),
        answer.getStatus() >= 400 ? message(answer) : null,
        retryAfter(answer));
    List<LintRule> rules = lint.observe(exchange);
    if (rules.isEmpty()) {
      return answer;
    }
    String ids = rules.stream().map(LintRule::id).collect(Collectors.joining(", "));
    HttpHeader lintHeader = new HttpHeader(HEADER, ids);
    return Response.Builder.like(answer).but()
        .headers(answer.getHeaders() == null ? new HttpHeaders(lintHeader)
            : answer.getHeaders().plus(lintHeader)).build();
  }

  /** The route's operationId; null for the test helpers, which are not the vendor's API. */
  private static String operationId(Request request, Routes.Match match, String uuid) {
    return match == null ? null : match.route().operationId();
  }

  /** The {@code message} of a JSON error answer (small bytes, never a streamed file). */
  private static String message(Response answer) {
    try {
      JsonNode body = Json.MAPPER.readTree(answer.getBody());
      return body != null && body.hasNonNull("message") ? body.get("message").asText() : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static Long retryAfter(Response answer) {
    if (answer.getHeaders() == null) {
      return null;
    }
    HttpHeader header = answer.getHeaders().getHeader("Retry-After");
    try {
      return header.isPresent() ? Long.parseLong(header.firstValue()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
