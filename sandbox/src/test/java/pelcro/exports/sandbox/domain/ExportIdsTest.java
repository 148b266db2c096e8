package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ExportIdsTest {

  @Test
  void makesVersionSevenUuidsThatSortByCreationTime() {
    String earlier = ExportIds.next(Instant.parse("2026-01-01T00:00:00Z"));
    String later = ExportIds.next(Instant.parse("2026-01-01T00:00:01Z"));
    assertThat(UUID.fromString(earlier).version()).isEqualTo(7);
    assertThat(UUID.fromString(earlier).variant()).isEqualTo(2);
    assertThat(earlier).isLessThan(later);
  }

  @Test
  void neverRepeatsAnIdMadeInTheSameMillisecondOnManyThreads() throws InterruptedException {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] =
          new Thread(
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  seen.add(ExportIds.next(now));
                }
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(seen).hasSize(40_000);
  }
}
