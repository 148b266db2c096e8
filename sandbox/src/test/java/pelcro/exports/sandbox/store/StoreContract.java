package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportIds;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.ExportState;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.tryit.support.ManualInstantSource;

/**
 * The behaviour of the store boundary, which every engine must give: each engine's test class
 * extends this one and says how to make a fresh, empty engine.
 */
abstract class StoreContract {
  static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  static final JobTiming TIMING = JobTiming.of(Duration.ofSeconds(10), Duration.ofDays(7));
  static final Duration LEASE = Duration.ofHours(1);

  final ManualInstantSource clock = new ManualInstantSource(T0);
  SandboxState state;

  /** A fresh, empty engine. */
  abstract StateEngine newEngine();

  @BeforeEach
  void open() {
    state = new SandboxState(newEngine(), clock);
  }

  @AfterEach
  void close() {
    state.close();
  }

  static ExportJob job(long account, String type, Instant at) {
    return ExportJob.queued(ExportIds.next(at), account, 1,
        new ExportQuery(1001, type, Map.of("date_from", 1704067200L, "status", "active")), at,
        TIMING);
  }

  private static <T> List<Future<T>> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return task.call();
        }));
      }
      go.countDown();
      pool.shutdown();
      assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ApiError errorOf(Throwable t) {
    Throwable cause = t instanceof java.util.concurrent.ExecutionException ? t.getCause() : t;
    return cause instanceof ApiException e ? e.error() : null;
  }

  @Test
  void keepsEveryFieldOfAJobAsItWasStored() {
    ExportJob stored = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    ExportJob claimed = state.jobs().update(1, stored.uuid(),
        j -> j.complete(T0.plusSeconds(3), TIMING).claim(T0.plusSeconds(4), "c1", LEASE),
        ApiError.FILE_NOT_FOUND);
    ExportJob read = state.jobs().find(1, stored.uuid()).orElseThrow();
    assertThat(read).isEqualTo(claimed);
    assertThat(read.query().filters()).containsEntry("date_from", 1704067200L)
        .containsEntry("status", "active");
    assertThat(read.claim().id()).isEqualTo("c1");
  }

  @Test
  void keepsEachAccountsJobsApart() {
    ExportJob mine = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    state.jobs().insertIfNoneRunning(job(2, "orders", T0), T0);
    assertThat(state.jobs().find(2, mine.uuid())).isEmpty();
    assertThat(state.jobs().jobs(1)).containsExactly(mine);
    assertThatThrownBy(() -> state.jobs().update(2, mine.uuid(), j -> j, ApiError.FILE_NOT_FOUND))
        .extracting(e -> ((ApiException) e).error()).isEqualTo(ApiError.FILE_NOT_FOUND);
  }

  @Test
  void startsOneJobPerTypeEvenUnderContention() throws Exception {
    List<Future<ExportJob>> results =
        race(24, () -> state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0));
    AtomicInteger started = new AtomicInteger();
    for (Future<ExportJob> result : results) {
      try {
        result.get();
        started.incrementAndGet();
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(errorOf(e)).isEqualTo(ApiError.EXPORT_IN_PROGRESS);
      }
    }
    assertThat(started.get()).isEqualTo(1);
    assertThat(state.jobs().jobs(1)).hasSize(1);
  }

  @Test
  void anotherTypeOrAnotherAccountGoesAheadWhileOneRuns() {
    state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    state.jobs().insertIfNoneRunning(job(1, "invoices", T0), T0);
    state.jobs().insertIfNoneRunning(job(2, "orders", T0), T0);
    assertThat(state.jobs().jobs(1)).hasSize(2);
  }

  @Test
  void aFinishedOrFailedExportFreesItsType() {
    ExportJob first = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Instant done = T0.plusSeconds(10);
    state.jobs().insertIfNoneRunning(job(1, "orders", done), done);
    ExportJob third = job(1, "invoices", done);
    state.jobs().insertIfNoneRunning(third, done);
    state.jobs().update(1, third.uuid(), j -> j.fail(done.plusSeconds(1), "x"), ApiError.FILE_NOT_FOUND);
    state.jobs().insertIfNoneRunning(job(1, "invoices", done.plusSeconds(2)), done.plusSeconds(2));
    assertThat(state.jobs().jobs(1)).hasSize(4).contains(first);
  }

  @Test
  void forgetsTheOldestFinishedJobsBeyondTheCap() {
    ExportJob first = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Instant later = T0.plusSeconds(60);
    for (int i = 0; i < JobStore.MAX_JOBS_PER_ACCOUNT; i++) {
      Instant at = later.plusSeconds(i * 20L);
      state.jobs().insertIfNoneRunning(job(1, "orders", at), at);
    }
    assertThat(state.jobs().jobs(1)).hasSize(JobStore.MAX_JOBS_PER_ACCOUNT);
    assertThat(state.jobs().find(1, first.uuid())).isEmpty();
  }

  @Test
  void handsAFileToOneTransferEvenUnderContention() throws Exception {
    ExportJob job = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Instant ready = T0.plusSeconds(10);
    ConcurrentLinkedQueue<ApiError> refused = new ConcurrentLinkedQueue<>();
    AtomicInteger claimed = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    for (Future<ExportJob> result : race(24, () -> state.jobs().update(1, job.uuid(),
        j -> j.claim(ready, "c" + next.incrementAndGet(), LEASE), ApiError.FILE_NOT_FOUND))) {
      try {
        result.get();
        claimed.incrementAndGet();
      } catch (java.util.concurrent.ExecutionException e) {
        refused.add(errorOf(e));
      }
    }
    assertThat(claimed.get()).isEqualTo(1);
    assertThat(refused).hasSize(23).containsOnly(ApiError.ALREADY_DOWNLOADED);
  }

  @Test
  void aWithdrawnClaimLetsTheFileBeDownloadedAgainAndOnlyOnce() {
    ExportJob job = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Instant ready = T0.plusSeconds(10);
    state.jobs().update(1, job.uuid(), j -> j.claim(ready, "c1", LEASE), ApiError.FILE_NOT_FOUND);
    state.jobs().update(1, job.uuid(), j -> j.withdrawClaim("c1"), ApiError.FILE_NOT_FOUND);
    state.jobs().update(1, job.uuid(), j -> j.claim(ready, "c2", LEASE), ApiError.FILE_NOT_FOUND);
    ExportJob done = state.jobs().update(1, job.uuid(), j -> j.confirmDownload("c2", ready),
        ApiError.FILE_NOT_FOUND);
    assertThat(done.stateAt(ready)).isEqualTo(ExportState.DOWNLOADED);
  }

  @Test
  void oneKeyMakesOneAccountEvenWhenItsFirstRequestsRace() throws Exception {
    List<Future<Account>> results = race(16, () -> state.accounts().create("try-it",
        "sk_try_same", clock.instant(),
        id -> new Account(id, "sk_try_same", true, List.of(1001L), id, "v@x", null)));
    assertThat(results.stream().map(f -> {
      try {
        return f.get().id();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).distinct()).hasSize(1);
    assertThat(state.accounts().count("try-it")).isEqualTo(1);
  }

  @Test
  void noJobOutlivesAnAccountThatEndsWhileRequestsRace() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "sk_try_r" + round;
      Account account = state.accounts().create("try-it", key, clock.instant(),
          id -> new Account(id, key, true, List.of(1001L), id, "v@x", null));
      String[] types = {"orders", "invoices", "payments", "refunds", "customers", "addresses"};
      AtomicInteger type = new AtomicInteger();
      List<Future<Object>> inserts = race(6, () -> {
        String t = types[type.getAndIncrement() % types.length];
        if (t.equals("customers")) {
          state.accounts().end("try-it", account.id());
          state.resetAccount(account.id());
          return null;
        }
        return state.jobs().insertIfNoneRunning(job(account.id(), t, T0), T0);
      });
      for (Future<Object> insert : inserts) {
        try {
          insert.get();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(errorOf(e)).isEqualTo(ApiError.UNAUTHENTICATED);
        }
      }
      state.resetAccount(account.id()); // what ending a tenant does after the end
      assertThat(state.jobs().jobs(account.id())).as("round " + round).isEmpty();
      assertThatThrownBy(() -> state.jobs().insertIfNoneRunning(job(account.id(), "orders", T0), T0))
          .extracting(e -> ((ApiException) e).error()).isEqualTo(ApiError.UNAUTHENTICATED);
    }
  }

  @Test
  void aSessionIsAnEnterpriseAccountWithANonEnterpriseCompanionAndEndsWhole() {
    Sessions.Session session = state.sessions().create(clock.instant());
    assertThat(state.accounts().byKey(session.enterprise().key())).contains(session.enterprise());
    assertThat(session.enterprise().enterprise()).isTrue();
    assertThat(session.basic().enterprise()).isFalse();
    assertThat(session.enterprise().key()).isNotEqualTo(session.basic().key());
    assertThat(state.sessions().end(session.id())).isPresent();
    assertThat(state.accounts().byKey(session.enterprise().key())).isEmpty();
    assertThat(state.accounts().byKey(session.basic().key())).isEmpty();
    assertThat(state.sessions().end(session.id())).isEmpty();
  }

  @Test
  void anAccountsClockMovesAloneAndTheSandboxClockMovesEveryAccount() {
    state.clocks().advance(1, Duration.ofMinutes(5));
    assertThat(state.clocks().now(1)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(state.clocks().now(2)).isEqualTo(T0);
    state.clocks().advance(Duration.ofMinutes(1));
    assertThat(state.clocks().now(1)).isEqualTo(T0.plus(Duration.ofMinutes(6)));
    assertThat(state.clocks().now(2)).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThat(state.clocks().now()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
    assertThatThrownBy(() -> state.clocks().advance(1, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void countsEveryEventOnceUnderConcurrency() throws Exception {
    for (Future<Object> f : race(20, () -> {
      for (int i = 0; i < 50; i++) {
        state.rates().count("account:1", T0, Duration.ofMinutes(1));
      }
      return null;
    })) {
      f.get();
    }
    RateWindows.Count count = state.rates().count("account:1", T0, Duration.ofMinutes(1));
    assertThat(count.value()).isEqualTo(1001);
    assertThat(count.resetsAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(state.rates().count("account:1", T0.plusSeconds(60), Duration.ofMinutes(1)).value())
        .isEqualTo(1);
  }

  @Test
  void resettingAnAccountForgetsOnlyItsExportsAndItsClock() {
    state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    state.jobs().insertIfNoneRunning(job(2, "orders", T0), T0);
    state.clocks().advance(1, Duration.ofHours(1));
    state.resetAccount(1);
    assertThat(state.jobs().jobs(1)).isEmpty();
    assertThat(state.clocks().now(1)).isEqualTo(T0);
    assertThat(state.jobs().jobs(2)).hasSize(1);
    state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0); // its type is free again
  }

  @Test
  void aWholeResetForgetsEverything() {
    state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Sessions.Session session = state.sessions().create(T0);
    state.clocks().advance(Duration.ofHours(1));
    state.reset();
    assertThat(state.jobs().jobs(1)).isEmpty();
    assertThat(state.accounts().byKey(session.enterprise().key())).isEmpty();
    assertThat(state.clocks().now()).isEqualTo(T0);
  }

  private static pelcro.exports.sandbox.domain.Fault scheduled(Long account, String target,
      Integer times) {
    return new pelcro.exports.sandbox.domain.Fault(null,
        pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START, account, target, times,
        null, null, Map.of("reason", "Disk full"), 0, 0);
  }

  @Test
  void aFaultForTheNextThreeTimesStrikesExactlyThreeTimesHoweverManyRace() throws Exception {
    state.faults().add(scheduled(null, "orders", 3));
    AtomicInteger struck = new AtomicInteger();
    for (Future<Object> f : race(16, () -> {
      for (int i = 0; i < 5; i++) {
        if (state.faults().strike(pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START,
            1, "orders").isPresent()) {
          struck.incrementAndGet();
        }
      }
      return null;
    })) {
      f.get();
    }
    assertThat(struck.get()).isEqualTo(3);
    assertThat(state.faults().all()).singleElement()
        .satisfies(f -> assertThat(f.struck()).isEqualTo(3));
  }

  @Test
  void anAccountsFaultsStayWithinItAndGoWithItsReset() {
    state.faults().add(scheduled(1L, null, null));
    var kind = pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START;
    assertThat(state.faults().strike(kind, 2, "orders")).isEmpty();
    assertThat(state.faults().strike(kind, 1, "orders")).isPresent();
    state.faults().add(scheduled(null, "orders", 1));
    assertThat(state.faults().strike(kind, 2, "orders")).as("the sandbox-wide one").isPresent();
    state.resetAccount(1);
    assertThat(state.faults().strike(kind, 1, "orders")).isEmpty();
    assertThat(state.faults().all()).hasSize(1);
  }

  @Test
  void everyNodeServesTheFirstNodesSeedEvenAfterAWholeReset() {
    SeedParameters first = new SeedParameters(42, 500, T0);
    assertThat(state.agreeOnSeed(first)).isEqualTo(first);
    SeedParameters later = new SeedParameters(42, 500, T0.plusSeconds(90));
    assertThat(state.agreeOnSeed(later)).as("a node started later adopts the anchor").isEqualTo(first);
    state.reset();
    assertThat(state.agreeOnSeed(later)).isEqualTo(first);
    assertThatThrownBy(() -> state.agreeOnSeed(new SeedParameters(7, 500, T0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--seed 42");
  }
}
