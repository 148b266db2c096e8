package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

  @Test
  void makesVersionFourUuidsOfTheIetfVariantThatReadBackAsThemselves() {
    for (int i = 0; i < 1_000; i++) {
      UUID id = RandomIds.uuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }
  }

  @Test
  void neverRepeatsAnIdAcrossThreads() throws InterruptedException {
    Set<UUID> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                Set<UUID> mine = new HashSet<>();
                for (int i = 0; i < 50_000; i++) {
                  mine.add(RandomIds.uuid());
                }
                seen.addAll(mine);
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(seen).hasSize(200_000);
  }

  @Test
  void drawsEveryRandomBitSoNoTwoIdsShareTheirHighHalf() {
    Set<Long> highs = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      highs.add(RandomIds.uuid().getMostSignificantBits());
    }
    assertThat(highs).hasSize(10_000);
  }
}
