package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportIds;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.JobTiming;

class ExportStoreTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final JobTiming TIMING = JobTiming.of(Duration.ofSeconds(10), Duration.ofDays(7));
  private final ExportStore store = new ExportStore();

  private static ExportJob job(long account, String type) {
    return ExportJob.queued(ExportIds.next(T0), account, 1,
        new ExportQuery(1001, type, Map.of()), T0, TIMING);
  }

  @Test
  void keepsEachAccountsJobsApart() {
    ExportJob mine = store.insertIfNoneRunning(job(1, "orders"), T0);
    store.insertIfNoneRunning(job(2, "orders"), T0);
    assertThat(store.find(2, mine.uuid())).isEmpty();
    assertThat(store.jobs(1)).containsExactly(mine);
    assertThatThrownBy(() -> store.update(2, mine.uuid(), j -> j, ApiError.FILE_NOT_FOUND))
        .extracting(e -> ((ApiException) e).error()).isEqualTo(ApiError.FILE_NOT_FOUND);
  }

  @Test
  void startsOneJobPerTypeEvenUnderContention() throws Exception {
    AtomicInteger started = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> refused = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[32];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        try {
          go.await();
          store.insertIfNoneRunning(job(1, "orders"), T0);
          started.incrementAndGet();
        } catch (ApiException e) {
          refused.add(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      threads[i].start();
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(started.get()).isEqualTo(1);
    assertThat(refused).hasSize(31).allSatisfy(e ->
        assertThat(((ApiException) e).error()).isEqualTo(ApiError.EXPORT_IN_PROGRESS));
  }

  @Test
  void forgetsTheOldestFinishedJobsBeyondTheCap() {
    ExportJob first = store.insertIfNoneRunning(job(1, "orders"), T0);
    Instant later = T0.plusSeconds(60);
    for (int i = 0; i < ExportStore.MAX_JOBS_PER_ACCOUNT; i++) {
      store.insertIfNoneRunning(ExportJob.queued(ExportIds.next(later), 1, 1,
          new ExportQuery(1001, "orders", Map.of()), later.plusSeconds(i * 20L), TIMING),
          later.plusSeconds(i * 20L));
    }
    assertThat(store.jobs(1)).hasSize(ExportStore.MAX_JOBS_PER_ACCOUNT);
    assertThat(store.find(1, first.uuid())).isEmpty();
  }

  @Test
  void forgetsEverythingOnClear() {
    store.insertIfNoneRunning(job(1, "orders"), T0);
    store.clear();
    assertThat(store.jobs(1)).isEmpty();
  }
}
