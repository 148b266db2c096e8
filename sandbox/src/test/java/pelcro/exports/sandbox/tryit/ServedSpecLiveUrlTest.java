package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The docs page names Pelcro's own base URL from the spec's production server, wherever the spec
 * lists it (the sandbox is listed first, so that generated clients do not default to production).
 */
class ServedSpecLiveUrlTest {

  @Test
  void theLiveBaseUrlIsTheServerMarkedProductionNotTheFirstOne() {
    assertThat(ServedSpec.liveBaseUrl()).isEqualTo("https://www.pelcro.com/api/v1/core");
  }

  @Test
  void theServedSpecNamesOnlyThisSandboxAsItsServer() {
    String yaml = ServedSpec.yaml("/api/v1/core");

    assertThat(yaml)
        .contains("servers:\n  - url: /api/v1/core\n")
        .doesNotContain("www.pelcro.com/api/v1/core", "x-environment");
  }
}
