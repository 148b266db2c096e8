package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  private final CorsPolicy policy =
      CorsPolicy.allowing(List.of("https://docs.example.com", "https://b.example/"));

  @Test
  void aPreflightFromAListedOriginIsGrantedWithAuthorizationAndContentType() {
    assertThat(policy.preflightHeaders("https://docs.example.com"))
        .containsEntry("Access-Control-Allow-Origin", "https://docs.example.com")
        .containsEntry("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type")
        .containsEntry("Access-Control-Max-Age", "600")
        .containsEntry("Vary", "Origin");
  }

  @Test
  void anAnswerToAListedOriginExposesTheDownloadAndLintHeaders() {
    assertThat(policy.responseHeaders("https://b.example"))
        .containsEntry("Access-Control-Allow-Origin", "https://b.example")
        .hasEntrySatisfying(
            "Access-Control-Expose-Headers",
            v ->
                assertThat(v)
                    .contains(
                        "Content-Disposition", "Content-Type", "Content-Length", "X-Sandbox-Lint"));
  }

  @Test
  void anOriginOutsideTheListGetsNoCorsGrantAtAll() {
    for (String origin :
        List.of(
            "https://evil.example",
            "http://docs.example.com",
            "null",
            "https://docs.example.com.evil.example")) {
      assertThat(policy.preflightHeaders(origin).keySet())
          .noneMatch(h -> h.startsWith("Access-Control-"));
      assertThat(policy.responseHeaders(origin).keySet())
          .noneMatch(h -> h.startsWith("Access-Control-"));
    }
    assertThat(CorsPolicy.none().allows("https://docs.example.com")).isFalse();
  }

  @Test
  void aStarAllowsEveryOriginOnlyWhenGivenExplicitlyAndStillNamesTheOrigin() {
    CorsPolicy any = CorsPolicy.allowing(List.of("*"));
    assertThat(any.responseHeaders("https://x.example"))
        .containsEntry("Access-Control-Allow-Origin", "https://x.example");
  }

  @Test
  void aRequestWithoutOriginGetsNoCorsHeaders() {
    assertThat(policy.responseHeaders(null)).isEmpty();
  }

  @Test
  void aPreflightIsAnOptionsRequestWithOriginAndRequestedMethod() {
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a", "POST")).isTrue();
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a", null)).isFalse();
    assertThat(CorsPolicy.isPreflight("GET", "https://a", "POST")).isFalse();
  }
}
