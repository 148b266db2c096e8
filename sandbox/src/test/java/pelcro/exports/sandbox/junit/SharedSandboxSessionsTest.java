package pelcro.exports.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.support.ExportCalls.listExports;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.ExportCalls;

/**
 * Test classes that share one sandbox each get a session: accounts of their own, whose clocks,
 * exports and resets no other class sees.
 */
class SharedSandboxSessionsTest {
  private static Sandbox shared;

  @BeforeAll
  static void startShared() {
    shared = Sandbox.builder().port(0).jobSeconds(60).start();
  }

  @AfterAll
  static void stopShared() {
    shared.close();
  }

  private static String requestExport(SandboxHandle handle) {
    return ExportCalls.requestExport(shared, handle.enterpriseKey(), handle.siteId(), "customers");
  }

  private static int download(SandboxHandle handle, String uuid) {
    return ExportCalls.downloadStatus(shared, handle.enterpriseKey(), handle.siteId(), uuid);
  }

  @Test
  void twoClassesOnOneSandboxNeverSeeEachOthersClockExportsOrResets() {
    try (SandboxHandle first = SandboxHandle.session(shared.baseUrl());
        SandboxHandle second = SandboxHandle.session(shared.rootUrl())) {
      assertThat(first.shared()).isTrue();
      assertThat(first.enterpriseKey())
          .isNotEqualTo(second.enterpriseKey())
          .isNotEqualTo(first.otherEnterpriseKey());
      String mine = requestExport(first);
      String theirs = requestExport(second); // the same type: no "Export in progress"
      first.advanceClock(Duration.ofSeconds(61));
      assertThat(download(first, mine)).isEqualTo(200);
      assertThat(download(second, theirs)).as("their clock did not move").isEqualTo(404);
      second.complete(theirs);
      first.reset();
      assertThat(download(second, theirs)).as("their export survived my reset").isEqualTo(200);
      api(shared, first.basicKey())
          .queryParam("site_id", first.basicSiteId())
          .get("/exports")
          .then()
          .statusCode(401);
    }
  }

  @Test
  void closingASessionEndsItsAccounts() {
    SandboxHandle session = SandboxHandle.session(shared.baseUrl());
    String key = session.enterpriseKey();
    session.close();
    listExports(shared, key, 1001).then().statusCode(401);
    assertThatThrownBy(session::reset)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("401");
  }
}
