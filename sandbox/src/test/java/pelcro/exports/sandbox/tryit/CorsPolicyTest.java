package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  private final CorsPolicy policy = CorsPolicy.allowing(List.of("https://docs.example.com", "https://b.example/"));

  @Test
  void a_preflight_from_a_listed_origin_is_granted_with_authorization_and_content_type() {
    assertThat(policy.preflightHeaders("https://docs.example.com"))
        .containsEntry("Access-Control-Allow-Origin", "https://docs.example.com")
        .containsEntry("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .containsEntry("Access-Control-Allow-Headers", "Authorization, Content-Type")
        .containsEntry("Access-Control-Max-Age", "600")
        .containsEntry("Vary", "Origin");
  }

  @Test
  void an_answer_to_a_listed_origin_exposes_the_download_headers() {
    assertThat(policy.responseHeaders("https://b.example"))
        .containsEntry("Access-Control-Allow-Origin", "https://b.example")
        .hasEntrySatisfying("Access-Control-Expose-Headers",
            v -> assertThat(v).contains("Content-Disposition", "Content-Type", "Content-Length"));
  }

  @Test
  void an_origin_outside_the_list_gets_no_cors_grant_at_all() {
    for (String origin : List.of("https://evil.example", "http://docs.example.com", "null",
        "https://docs.example.com.evil.example")) {
      assertThat(policy.preflightHeaders(origin).keySet()).noneMatch(h -> h.startsWith("Access-Control-"));
      assertThat(policy.responseHeaders(origin).keySet()).noneMatch(h -> h.startsWith("Access-Control-"));
    }
    assertThat(CorsPolicy.none().allows("https://docs.example.com")).isFalse();
  }

  @Test
  void a_star_allows_every_origin_only_when_given_explicitly_and_still_names_the_origin() {
    CorsPolicy any = CorsPolicy.allowing(List.of("*"));
    assertThat(any.responseHeaders("https://x.example")).containsEntry("Access-Control-Allow-Origin", "https://x.example");
  }

  @Test
  void a_request_without_origin_gets_no_cors_headers() {
    assertThat(policy.responseHeaders(null)).isEmpty();
  }

  @Test
  void a_preflight_is_an_options_request_with_origin_and_requested_method() {
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a", "POST")).isTrue();
    assertThat(CorsPolicy.isPreflight("OPTIONS", "https://a", null)).isFalse();
    assertThat(CorsPolicy.isPreflight("GET", "https://a", "POST")).isFalse();
  }
}
