package pelcro.exports.sandbox.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pelcro.exports.sandbox.SandboxOptions;

/** {@code --state} takes every kind of Redis the engine connects to, and says which when not. */
class StateOptionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "memory",
        "redis://127.0.0.1:6379/2",
        "rediss://redis.example:6380",
        "redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/0#mymaster",
        "redis-cluster://10.0.0.1:7001,10.0.0.2:7002"
      })
  void acceptsMemoryAndEveryFormOfRedisUrl(String state) {
    assertThat(SandboxOptions.fromArgs(List.of("--state", state)).state()).isEqualTo(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"valkey://127.0.0.1:6379", "127.0.0.1:6379", "Memory"})
  void refusesAnythingElseNamingTheFormsItTakes(String state) {
    assertThatThrownBy(() -> SandboxOptions.fromArgs(List.of("--state", state)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis-sentinel://HOST:PORT")
        .hasMessageContaining("redis-cluster://HOST:PORT");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1"})
  void refusesANegativeNumberOfReplicasToWaitFor(String replicas) {
    assertThatThrownBy(() -> SandboxOptions.fromArgs(List.of("--state-wait-replicas", replicas)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state-wait-replicas");
  }

  @Test
  void takesTheCertificatesToTrustAndTheReplicasToWaitFor() {
    SandboxOptions options =
        SandboxOptions.fromArgs(List.of("--state-ca", "ca.pem", "--state-wait-replicas", "1"));
    assertThat(options.stateCa()).isEqualTo(Path.of("ca.pem"));
    assertThat(options.stateWaitReplicas()).isEqualTo(1);
  }
}
