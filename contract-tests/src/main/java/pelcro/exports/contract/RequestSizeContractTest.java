package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.Exports;

/** A body over the server's limit (spec: requestExport 413; not in the vendor's docs). */
class RequestSizeContractTest {

  @Test
  @Documented("exports.yaml requestExport 413: every server limits the body (sandbox: 1 MiB)")
  void refusesABodyLargerThanOneMebibyte() {
    Map<String, Object> body = Exports.recent("subscriptions", "padding", "x".repeat(1_100_000));

    Response r = Api.enterprise().contentType(ContentType.JSON).body(body).when().post("/exports");

    assertThat(r.statusCode())
        .as("exports.yaml: a body over 1 MiB must be refused with 413")
        .isEqualTo(413);
  }
}
