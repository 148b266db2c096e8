package pelcro.exports.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RulesTest {
  /** The rules applied to a request log whose entry shows this Authorization header. */
  private static Set<Rule> checkRequestLogShowing(String authorization) {
    return Rules.check(
        "GET",
        "/__admin/requests",
        answer(
            200,
            "application/json",
            "{\"headers\":{\"Authorization\":\"" + authorization + "\"}}",
            Map.of()),
        true);
  }

  private static Answer answer(int status, String type, String body, Map<String, String> extra) {
    Map<String, String> headers = new java.util.HashMap<>(extra);
    if (type != null) {
      headers.put("content-type", type);
    }
    return new Answer(
        status,
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        false,
        false,
        Answer.Failure.NONE,
        0);
  }

  @Test
  void aJsonErrorWithAMessageKeepsEveryRule() {
    assertThat(
            Rules.check(
                "POST",
                "/api/v1/core/exports",
                answer(
                    400,
                    "application/json",
                    "{\"message\":\"The given data was invalid.\"}",
                    Map.of()),
                true))
        .isEmpty();
  }

  @Test
  void jettysHtmlErrorPageBreaksFiveRulesAtOnce() {
    String page =
        "<html><title>Error 500 org.eclipse.jetty.io.EofException: Early EOF</title>"
            + "<pre>at org.eclipse.jetty.server.HttpInput.read(HttpInput.java:300)</pre></html>";
    assertThat(
            Rules.check(
                "POST", "/api/v1/core/exports", answer(500, "text/html", page, Map.of()), true))
        .containsExactlyInAnyOrder(
            Rule.SERVER_ERROR, Rule.NOT_JSON, Rule.NO_MESSAGE, Rule.INTERNALS);
  }

  @Test
  void aRedirectBuiltFromTheHostHeaderIsARedirect() {
    assertThat(
            Rules.check(
                "GET",
                "/__admin",
                answer(302, null, "", Map.of("location", "http://evil.example/__admin/")),
                true))
        .contains(Rule.REDIRECT, Rule.NOT_JSON);
  }

  @Test
  void theDownloadsFileTheDocsPageAndPreflightsAreExemptFromJson() {
    assertThat(
            Rules.check(
                "GET",
                "/api/v1/core/exports/0b6c",
                answer(200, "application/force-download", "id,email\r\n", Map.of()),
                true))
        .isEmpty();
    assertThat(
            Rules.check("GET", "/docs", answer(200, "text/html", "<html></html>", Map.of()), true))
        .isEmpty();
    assertThat(
            Rules.check("OPTIONS", "/api/v1/core/exports", answer(204, null, "", Map.of()), true))
        .isEmpty();
  }

  @Test
  void wireMocksEmptyDoneAnswerIsExemptButTheControlApiMustStillAnswerJson() {
    assertThat(Rules.check("POST", "/__admin/reset", answer(200, null, "", Map.of()), true))
        .isEmpty();
    assertThat(Rules.check("POST", "/__admin/sandbox/reset", answer(200, null, "", Map.of()), true))
        .contains(Rule.NOT_JSON);
  }

  @Test
  void aFileServedOnAnotherPathIsNotExempt() {
    assertThat(
            Rules.check(
                "GET",
                "/api/v1/core/exports",
                answer(200, "application/force-download", "id\r\n", Map.of()),
                true))
        .contains(Rule.NOT_JSON);
  }

  @Test
  void anUnmaskedKeyIsASecretAndAMaskedOneIsNot() {
    assertThat(checkRequestLogShowing("Bearer sk_test_enterprise")).containsExactly(Rule.SECRET);
    assertThat(checkRequestLogShowing("Bearer sk_test_…rise")).isEmpty();
  }

  @Test
  void aBodyCutOffByTheConnectionIsJudgedByItsStatusOnly() {
    Answer cut =
        new Answer(
            400,
            Map.of("content-type", "application/json"),
            new byte[0],
            false,
            true,
            Answer.Failure.NONE,
            0);
    assertThat(Rules.check("GET", "/api/v1/core/exports", cut, true)).isEmpty();
    Answer cut500 = new Answer(500, Map.of(), new byte[0], false, true, Answer.Failure.NONE, 0);
    assertThat(Rules.check("GET", "/api/v1/core/exports", cut500, true))
        .containsExactly(Rule.SERVER_ERROR);
  }

  @Test
  void silenceBreaksARuleOnlyWhenTheRequestWasComplete() {
    Answer closed = Answer.failed(Answer.Failure.CLOSED, 0);
    assertThat(Rules.check("GET", "/", closed, true)).containsExactly(Rule.NO_ANSWER);
    assertThat(Rules.check("GET", "/", closed, false)).isEmpty();
  }
}
