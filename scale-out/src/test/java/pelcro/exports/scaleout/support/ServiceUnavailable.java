package pelcro.exports.scaleout.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import pelcro.exports.sandbox.domain.ApiError;

/**
 * The answer when the service cannot serve (its Redis is unreachable, or no node answers the load
 * balancer): 503 in the vendor's error shape, JSON {@code {"message": "..."}} (core-errors), with
 * {@code Retry-After}; never a stack trace, never an HTML page.
 */
public final class ServiceUnavailable {
  private ServiceUnavailable() {}

  public static void assertAnswered(Answer answer) {
    assertThat(answer.status()).as("%s", answer).isEqualTo(503);
    assertThat(answer.header("Content-Type"))
        .as("%s", answer)
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode body = answer.json();
    assertThat(body.isObject()).as("%s", answer).isTrue();
    assertThat(body.fieldNames()).toIterable().as("%s", answer).containsExactly("message");
    assertThat(answer.message()).as("%s", answer).isEqualTo(ApiError.SERVICE_UNAVAILABLE.message());
    assertThat(answer.header("Retry-After"))
        .as("%s", answer)
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
  }
}
