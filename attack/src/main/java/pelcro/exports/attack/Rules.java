package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges one answer: no 5xx, no redirect, JSON everywhere with a {@code message} on errors, no
 * internals and no full key. Exempt from the JSON rule: the download's 200 (a file), the docs page
 * under {@code /docs}, CORS preflight 204s, and the bodies of HEAD answers.
 */
public final class Rules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DOWNLOAD = Pattern.compile("/api/v1/core/exports/[^/]+/?");

  /** What only a stack trace, a Java class name or a server file path would contain. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "org\\.eclipse\\.jetty|com\\.github\\.tomakehurst|com\\.fasterxml|java\\.(lang|io|util|net)\\."
              + "|pelcro\\.exports\\.|\\bat [a-z]+\\.[a-zA-Z.$]+\\(|\\.java:\\d+|Exception\\b"
              + "|/(tmp|work|root|home|usr)/");

  /** A key of the sandbox's shapes, unmasked (a masked key reads {@code sk_test_…abcd}). */
  private static final Pattern KEY = Pattern.compile("sk_(test|try|live)_[A-Za-z0-9_\\-]{2,}");

  private Rules() {}

  /** The rules this answer to {@code method path} breaks; empty when it keeps them all. */
  public static Set<Rule> check(String method, String path, Answer answer, boolean mustAnswer) {
    Set<Rule> broken = EnumSet.noneOf(Rule.class);
    if (!answer.answered()) {
      if (mustAnswer && answer.failure() != Answer.Failure.CONNECT) {
        broken.add(Rule.NO_ANSWER);
      }
      return broken;
    }
    int status = answer.status();
    if (status >= 500) {
      broken.add(Rule.SERVER_ERROR);
    }
    if (status >= 300 && status < 400) {
      broken.add(Rule.REDIRECT);
    }
    boolean exempt = exempt(method, path, answer);
    String text = answer.text();
    if (!exempt && INTERNALS.matcher(text).find()) {
      broken.add(Rule.INTERNALS);
    }
    if (!exempt
        && (KEY.matcher(text).find()
            || answer.headers().values().stream().anyMatch(v -> KEY.matcher(v).find()))) {
      broken.add(Rule.SECRET);
    }
    if (exempt || answer.cut()) {
      // A body the connection cut off cannot be judged: it counts as a connection error.
      return broken;
    }
    boolean jsonType = answer.mediaType().equals("application/json");
    if ("HEAD".equalsIgnoreCase(method)) {
      if (!jsonType) {
        broken.add(Rule.NOT_JSON);
      }
      return broken;
    }
    JsonNode body = parse(answer);
    if (!jsonType || body == null) {
      broken.add(Rule.NOT_JSON);
    }
    if (status >= 400 && (body == null || !body.path("message").isTextual())) {
      broken.add(Rule.NO_MESSAGE);
    }
    return broken;
  }

  private static boolean exempt(String method, String path, Answer answer) {
    int status = answer.status();
    boolean download =
        "GET".equalsIgnoreCase(method)
            && status == 200
            && DOWNLOAD.matcher(path).matches()
            && answer.mediaType().equals("application/force-download");
    boolean docs = status == 200 && (path.equals("/docs") || path.startsWith("/docs/"));
    boolean preflight = "OPTIONS".equalsIgnoreCase(method) && status == 204;
    // WireMock's own stub admin API answers a done reset or removal with an empty 2xx, as
    // WireMock users expect; the sandbox's control API (/__admin/sandbox) still answers JSON.
    boolean wireMockDone =
        status >= 200
            && status < 300
            && answer.body().length == 0
            && path.startsWith("/__admin/")
            && !path.startsWith("/__admin/sandbox");
    return download || docs || preflight || wireMockDone;
  }

  private static JsonNode parse(Answer answer) {
    if (answer.truncated() || answer.body().length == 0) {
      return null;
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      return null;
    }
  }
}
