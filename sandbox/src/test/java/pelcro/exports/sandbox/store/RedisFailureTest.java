package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.redis.RedisEngine;
import pelcro.exports.sandbox.support.RedisServer;
import pelcro.exports.sandbox.support.ReplyDroppingProxy;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

/**
 * The Redis engine when the connection breaks at the worst moment: Lettuce resends a script whose
 * reply was lost, and the resent copy must answer what the first copy did (not see the first copy's
 * write as a conflict); and a {@code --state} URL that cannot work says why.
 */
class RedisFailureTest {
  private static final Instant T0 = StoreContract.T0;
  @RegisterExtension static final RedisServer redis = new RedisServer();

  private ReplyDroppingProxy proxy;
  private SandboxState state;

  @BeforeEach
  void connectThroughTheProxy() throws Exception {
    proxy = ReplyDroppingProxy.start(redis.port());
    state =
        new SandboxState(
            RedisEngine.connect(
                proxy.uri(), "test-" + UUID.randomUUID() + ":", Duration.ofSeconds(5)),
            new ManualInstantSource(T0));
  }

  @AfterEach
  void close() {
    state.close();
    proxy.close();
  }

  @Test
  void anExportWhoseCommitReplyWasLostIsAcceptedNotRefusedAsInProgressByItself() {
    ExportJob job = StoreContract.job(1, "orders", T0);
    proxy.dropNextReplyTo("EVALSHA");

    ExportJob accepted = state.jobs().insertIfNoneRunning(job, T0);

    assertThat(proxy.dropped()).as("replies dropped").isEqualTo(1);
    assertThat(accepted.uuid()).isEqualTo(job.uuid());
    assertThat(state.jobs().jobs(1)).extracting(ExportJob::uuid).containsExactly(job.uuid());
  }

  @Test
  void aDownloadClaimWhoseReplyWasLostHandsTheFileToItsTransferNotAlreadyDownloaded() {
    ExportJob job = state.jobs().insertIfNoneRunning(StoreContract.job(1, "orders", T0), T0);
    Instant ready = T0.plusSeconds(60);
    proxy.dropNextReplyTo("EVALSHA");

    ExportJob claimed =
        state
            .jobs()
            .update(
                1,
                job.uuid(),
                j -> j.claim(ready, "c1", Duration.ofSeconds(20)),
                ApiError.FILE_NOT_FOUND);

    assertThat(proxy.dropped()).as("replies dropped").isEqualTo(1);
    assertThat(claimed.heldBy("c1", ready)).isTrue();
    assertThat(state.jobs().find(1, job.uuid()).orElseThrow().heldBy("c1", ready)).isTrue();
  }

  @Test
  void aClockAdvanceWhoseReplyWasLostMovesTheClockOnceNotTwice() {
    proxy.dropNextReplyTo("EVALSHA");

    state.clocks().advance(7, Duration.ofSeconds(30));

    assertThat(proxy.dropped()).as("replies dropped").isEqualTo(1);
    assertThat(state.clocks().offset(7)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aDatabaseTheServerDoesNotHaveIsNamedAsTheProblemNotAnUnreachableServer() {
    assertThatThrownBy(() -> RedisEngine.connect(redis.uri() + "/99", "x:", Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database 99")
        .hasMessageNotContaining("cannot reach");
  }

  @Test
  void aStateThatIsNotARedisUrlSaysWhatToGive() {
    assertThatThrownBy(
            () -> RedisEngine.connect("http://127.0.0.1:6379", "x:", Duration.ofSeconds(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis://HOST:PORT");
  }
}
