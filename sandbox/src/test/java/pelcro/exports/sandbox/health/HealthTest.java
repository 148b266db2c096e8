package pelcro.exports.sandbox.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class HealthTest {
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void answers503UntilTheSpecAndTheDataAreLoadedAndEveryOperationHasAnswered() {
    Readiness readiness = new Readiness();
    Health health = new Health(readiness, InstantSource.fixed(start));
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body())
        .containsEntry("status", "starting")
        .containsEntry("spec_loaded", false)
        .containsEntry("data_loaded", false);
    readiness.specLoaded();
    assertThat(health.status()).isEqualTo(503);
    readiness.dataLoaded();
    assertThat(health.status()).isEqualTo(503);
    assertThat(health.body()).containsEntry("warmed_up", false);
    readiness.warmedUp();
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).containsEntry("status", "ok").containsEntry("data_loaded", true);
  }

  @Test
  void reportsTheBuildVersionAndTheRealUptime() {
    Instant[] now = {start};
    Health health = new Health(Readiness.ready(), () -> now[0]);
    now[0] = start.plusSeconds(42);
    assertThat(health.body()).containsEntry("uptime_seconds", 42L);
    assertThat((String) health.body().get("version")).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void staysNotReadyWhenLoadingFailed() {
    Readiness readiness = new Readiness();
    readiness.failed(new IllegalStateException("broken spec"));
    assertThat(new Health(readiness, InstantSource.fixed(start)).status()).isEqualTo(503);
  }
}
