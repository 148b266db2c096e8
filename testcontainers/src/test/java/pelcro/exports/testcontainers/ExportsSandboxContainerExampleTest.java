package pelcro.exports.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The README's example: an integrator's JUnit 5 test against the sandbox in a container. */
@ExtendWith(SandboxImageCondition.class)
@Testcontainers
class ExportsSandboxContainerExampleTest {
  @Container
  static final ExportsSandboxContainer sandbox =
      new ExportsSandboxContainer()
          .withJobSeconds(2)
          .withCreateContainerCmdModifier(
              LoopbackPorts::apply); // this project's rule; not needed in yours

  @Test
  void anExportIsDownloadedOnceAfterTheClockPassesItsJobTime() throws Exception {
    var api = new ExportsApi(sandbox.baseUrl());
    String uuid = api.request(sandbox.enterpriseKey(), sandbox.siteId(), "subscriptions");
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .as("before its 2 job seconds")
        .isEqualTo(404);

    sandbox.advanceClock(Duration.ofSeconds(2));

    var download = api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"subscriptions-" + uuid + ".csv\"");
    assertThat(download.body().lines().count()).isGreaterThan(1);
    assertThat(api.download(sandbox.enterpriseKey(), sandbox.siteId(), uuid).statusCode())
        .as("a second download")
        .isEqualTo(400);
  }
}
