package pelcro.exports.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;

/** An integrator's view: one annotation starts a sandbox, the handle reaches it. */
@ExportsSandboxTest(jobSeconds = 30)
class ExportsSandboxExtensionAcceptanceTest {

  @Test
  void startsASandboxOnAFreeLoopbackPortWithTheDefaultKeys(SandboxHandle sandbox) {
    assertThat(sandbox.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1/core");
    assertThat(sandbox.port()).isNotEqualTo(8080);
    assertThat(sandbox.enterpriseKey()).isEqualTo("sk_test_enterprise");
    assertThat(sandbox.siteId()).isEqualTo(1001);
    assertThat(sandbox.secondSiteId()).isEqualTo(1002);
    assertThat(sandbox.otherEnterpriseKey()).isEqualTo("sk_test_enterprise_2");
    assertThat(sandbox.otherSiteId()).isEqualTo(2001);
    assertThat(sandbox.basicKey()).isEqualTo("sk_test_basic");
    assertThat(sandbox.basicSiteId()).isEqualTo(3001);
  }

  @Test
  void drivesAnExportThroughTheControlClient(SandboxHandle handle, Sandbox sandbox) {
    handle.reset();
    String uuid = requestExport(sandbox, handle.enterpriseKey(), handle.siteId(), "customers");
    handle.advanceClock(Duration.ofSeconds(30));
    api(sandbox, handle.enterpriseKey())
        .queryParam("site_id", handle.siteId())
        .get("/exports/" + uuid)
        .then()
        .statusCode(200);

    String second = requestExport(sandbox, handle.enterpriseKey(), handle.siteId(), "customers");
    assertThat(handle.fail(second, "Quota \"exceeded\"").get("failed_reason").asText())
        .isEqualTo("Quota \"exceeded\"");
    api(sandbox, handle.enterpriseKey())
        .queryParam("site_id", handle.siteId())
        .get("/exports/" + second)
        .then()
        .statusCode(404);
  }

  @Test
  void sharesOneSandboxAcrossTheClass(Sandbox sandbox, SandboxHandle handle) {
    assertThat(handle.sandbox()).isSameAs(sandbox);
    assertThat(sandbox.options().jobSeconds()).isEqualTo(30);
    api(sandbox, handle.enterpriseKey())
        .queryParam("site_id", handle.siteId())
        .get("/exports")
        .then()
        .statusCode(200)
        .body("data.size()", equalTo(14));
  }
}
