package pelcro.exports.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.data.ExportQuery;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.domain.ExportIds;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.ExportState;
import pelcro.exports.sandbox.domain.FaultKind;
import pelcro.exports.sandbox.domain.JobTiming;
import pelcro.exports.sandbox.domain.WebhookDelivery;
import pelcro.exports.sandbox.domain.WebhookEvent;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.tryit.TryItTenants;
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
  StateEngine engine;
  SandboxState state;

  /** A fresh, empty engine. */
  abstract StateEngine newEngine();

  @BeforeEach
  void open() {
    engine = newEngine();
    state = new SandboxState(engine, clock);
  }

  @AfterEach
  void close() {
    state.close();
  }

  static ExportJob job(long account, String type, Instant at) {
    return ExportJob.queued(
        ExportIds.next(at),
        account,
        1,
        new ExportQuery(1001, type, Map.of("date_from", 1704067200L, "status", "active")),
        at,
        TIMING);
  }

  private static <T> List<Future<T>> race(int threads, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> results = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
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
    ExportJob claimed =
        state
            .jobs()
            .update(
                1,
                stored.uuid(),
                j -> j.complete(T0.plusSeconds(3), TIMING).claim(T0.plusSeconds(4), "c1", LEASE),
                ApiError.FILE_NOT_FOUND);
    ExportJob read = state.jobs().find(1, stored.uuid()).orElseThrow();
    assertThat(read).isEqualTo(claimed);
    assertThat(read.query().filters())
        .containsEntry("date_from", 1704067200L)
        .containsEntry("status", "active");
    assertThat(read.claim().id()).isEqualTo("c1");
  }

  @Test
  void findsAndUpdatesAJobByItsUuidInAnyCase() {
    ExportJob stored = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    String upper = stored.uuid().toUpperCase(Locale.ROOT);
    assertThat(state.jobs().find(1, upper)).contains(stored);
    assertThat(state.jobs().findAnyAccount(upper)).contains(stored);
    ExportJob done =
        state
            .jobs()
            .update(1, upper, j -> j.complete(T0.plusSeconds(1), TIMING), ApiError.FILE_NOT_FOUND);
    assertThat(done.uuid()).isEqualTo(stored.uuid());
    assertThat(state.jobs().find(1, stored.uuid())).contains(done);
    assertThat(state.jobs().find(2, upper)).isEmpty();
  }

  @Test
  void keepsEachAccountsJobsApart() {
    ExportJob mine = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    state.jobs().insertIfNoneRunning(job(2, "orders", T0), T0);
    assertThat(state.jobs().find(2, mine.uuid())).isEmpty();
    assertThat(state.jobs().jobs(1)).containsExactly(mine);
    assertThatThrownBy(() -> state.jobs().update(2, mine.uuid(), j -> j, ApiError.FILE_NOT_FOUND))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.FILE_NOT_FOUND);
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
    state
        .jobs()
        .update(1, third.uuid(), j -> j.fail(done.plusSeconds(1), "x"), ApiError.FILE_NOT_FOUND);
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
    for (Future<ExportJob> result :
        race(
            24,
            () ->
                state
                    .jobs()
                    .update(
                        1,
                        job.uuid(),
                        j -> j.claim(ready, "c" + next.incrementAndGet(), LEASE),
                        ApiError.FILE_NOT_FOUND))) {
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
    ExportJob done =
        state
            .jobs()
            .update(1, job.uuid(), j -> j.confirmDownload("c2", ready), ApiError.FILE_NOT_FOUND);
    assertThat(done.stateAt(ready)).isEqualTo(ExportState.DOWNLOADED);
  }

  @Test
  void oneKeyMakesOneAccountEvenWhenItsFirstRequestsRace() throws Exception {
    List<Future<Account>> results =
        race(
            16,
            () ->
                state
                    .accounts()
                    .create(
                        "try-it",
                        "sk_try_same",
                        clock.instant(),
                        id ->
                            new Account(id, "sk_try_same", true, List.of(1001L), id, "v@x", null)));
    assertThat(
            results.stream()
                .map(
                    f -> {
                      try {
                        return f.get().id();
                      } catch (Exception e) {
                        throw new AssertionError(e);
                      }
                    })
                .distinct())
        .hasSize(1);
    assertThat(state.accounts().count("try-it")).isEqualTo(1);
  }

  @Test
  void noJobOutlivesAnAccountThatEndsWhileRequestsRace() throws Exception {
    for (int round = 0; round < 20; round++) {
      String key = "sk_try_r" + round;
      Account account =
          state
              .accounts()
              .create(
                  "try-it",
                  key,
                  clock.instant(),
                  id -> new Account(id, key, true, List.of(1001L), id, "v@x", null));
      String[] types = {"orders", "invoices", "payments", "refunds", "customers", "addresses"};
      AtomicInteger type = new AtomicInteger();
      List<Future<Object>> inserts =
          race(
              6,
              () -> {
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
      assertThatThrownBy(
              () -> state.jobs().insertIfNoneRunning(job(account.id(), "orders", T0), T0))
          .extracting(e -> ((ApiException) e).error())
          .isEqualTo(ApiError.UNAUTHENTICATED);
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
  void endingASessionEndsBothAccountsWithTheirJobsFaultsAndClocks() {
    Sessions.Session session = state.sessions().create(clock.instant());
    long enterprise = session.enterprise().id();
    long basic = session.basic().id();
    state.jobs().insertIfNoneRunning(job(enterprise, "orders", T0), T0);
    state.faults().add(scheduled(enterprise, "orders", 1));
    state.faults().add(scheduled(basic, "orders", 1));
    state.clocks().advance(enterprise, Duration.ofMinutes(5));

    assertThat(state.endSession(session.id())).isPresent();

    assertThat(state.accounts().byKey(session.enterprise().key())).isEmpty();
    assertThat(state.accounts().byKey(session.basic().key())).isEmpty();
    assertThat(state.jobs().jobs(enterprise)).isEmpty();
    assertThat(state.faults().of(enterprise)).isEmpty();
    assertThat(state.faults().of(basic)).isEmpty();
    assertThat(state.clocks().now(enterprise)).isEqualTo(state.clocks().now(1));
    assertThat(state.sessions().find(session.id())).isEmpty();
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
  void aRequestReadsTheClockOnceSeesItsOwnAdvanceAndTheNextRequestSeesEveryonesChange()
      throws Exception {
    Instant seen;
    try (RequestReads.Scope request = RequestReads.open()) {
      assertThat(state.clocks().now(1)).isEqualTo(T0);
      // Another request (another thread, or another node) moves the account's clock meanwhile.
      Executors.newSingleThreadExecutor()
          .submit(() -> state.clocks().advance(1, Duration.ofSeconds(5)))
          .get(10, TimeUnit.SECONDS);
      assertThat(state.clocks().now(1)).as("one instant per request").isEqualTo(T0);
      seen = state.clocks().advance(1, Duration.ofSeconds(10));
    }
    assertThat(seen).as("its own advance, over the other's").isEqualTo(T0.plusSeconds(15));
    try (RequestReads.Scope next = RequestReads.open()) {
      assertThat(state.clocks().now(1)).isEqualTo(T0.plusSeconds(15));
      FaultKind kind = FaultKind.EXPORT_FAILS_AT_START;
      assertThat(state.faults().strike(kind, 1, "orders")).isEmpty();
      state.faults().add(scheduled(1L, "orders", 1));
      assertThat(state.faults().strike(kind, 1, "orders"))
          .as("a fault the request added itself")
          .isPresent();
    }
  }

  @Test
  void aRequestsFirstReadFindsItsSlotsJobAndCountsItsRateWindowOnceInTheAccountsWindow() {
    ExportJob running = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    try (RequestReads.Scope request = RequestReads.open()) {
      state.plans().prefetch(plan(1, "orders"));
      Instant now = state.clocks().now(1);
      assertThat(now).isEqualTo(T0);
      assertThatThrownBy(() -> state.jobs().insertIfNoneRunning(job(1, "orders", now), now))
          .isInstanceOf(ApiException.class)
          .hasFieldOrPropertyWithValue("error", ApiError.EXPORT_IN_PROGRESS);
      RateWindows.Count counted = state.rates().count("account:1", now, Duration.ofMinutes(1));
      assertThat(counted.value()).as("counted by the first read").isEqualTo(1);
      assertThat(counted.resetsAt()).isEqualTo(T0.plusSeconds(60));
    }
    assertThat(state.jobs().jobs(1)).extracting(ExportJob::uuid).containsExactly(running.uuid());
    assertThat(state.rates().count("account:1", T0, Duration.ofMinutes(1)).value())
        .as("counted once")
        .isEqualTo(2);
  }

  @Test
  void aRateWindowGuessedOnAClockAnotherNodeMovedIsCountedOnceInTheRightWindow() throws Exception {
    try (RequestReads.Scope warm = RequestReads.open()) {
      state.plans().prefetch(plan(1, null)); // this node sees offset 0
      state.rates().count("account:1", T0, Duration.ofMinutes(1));
    }
    // Another node moves the account's clock: this node's guess is stale.
    new SandboxState(engine, clock).clocks().advance(1, Duration.ofMinutes(5));
    try (RequestReads.Scope request = RequestReads.open()) {
      state.plans().prefetch(plan(1, null));
      Instant now = state.clocks().now(1);
      assertThat(now).isEqualTo(T0.plusSeconds(300));
      assertThat(state.rates().count("account:1", now, Duration.ofMinutes(1)).value()).isEqualTo(1);
    }
    assertThat(state.rates().count("account:1", T0, Duration.ofMinutes(1)).value())
        .as("the first request, then this one: nothing counted there by the stale guess")
        .isEqualTo(2);
  }

  @Test
  void aDownloadConfirmedAfterItsClockMovedIsConfirmedAtTheMovedTime() {
    ExportJob queued = state.jobs().insertIfNoneRunning(job(1, "orders", T0), T0);
    Instant ready = T0.plusSeconds(60);
    state.clocks().advance(1, Duration.ofSeconds(60));
    RequestReads.Carried reads;
    try (RequestReads.Scope request = RequestReads.open()) {
      state.plans().prefetch(plan(1, null));
      Instant now = state.clocks().now(1);
      assertThat(now).isEqualTo(ready);
      state
          .jobs()
          .update(1, queued.uuid(), j -> j.claim(now, "c1", LEASE), ApiError.FILE_NOT_FOUND);
      reads = RequestReads.carry();
    }
    state.clocks().advance(1, Duration.ofSeconds(7)); // while the file is written
    try (RequestReads.Scope end = RequestReads.resume(reads)) {
      ExportJob confirmed =
          state
              .jobs()
              .updateToEnd(
                  1,
                  queued.uuid(),
                  j -> j.confirmDownload("c1", state.clocks().now(1)),
                  ApiError.FILE_NOT_FOUND);
      assertThat(confirmed.downloadedAt()).isEqualTo(ready.plusSeconds(7));
    }
  }

  private static RequestPlans.Request plan(long account, String type) {
    return new RequestPlans.Request(
        account,
        type == null ? RequestPlans.Kind.LIST : RequestPlans.Kind.REQUEST,
        type,
        null,
        true,
        "account:" + account,
        Duration.ofMinutes(1));
  }

  @Test
  void countsEveryEventOnceUnderConcurrency() throws Exception {
    for (Future<Object> f :
        race(
            20,
            () -> {
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

  private static pelcro.exports.sandbox.domain.Fault scheduled(
      Long account, String target, Integer times) {
    return new pelcro.exports.sandbox.domain.Fault(
        null,
        pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START,
        account,
        target,
        times,
        null,
        null,
        Map.of("reason", "Disk full"),
        0,
        0);
  }

  @Test
  void aFaultForTheNextThreeTimesStrikesExactlyThreeTimesHoweverManyRace() throws Exception {
    state.faults().add(scheduled(null, "orders", 3));
    AtomicInteger struck = new AtomicInteger();
    for (Future<Object> f :
        race(
            16,
            () -> {
              for (int i = 0; i < 5; i++) {
                if (state
                    .faults()
                    .strike(
                        pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START, 1, "orders")
                    .isPresent()) {
                  struck.incrementAndGet();
                }
              }
              return null;
            })) {
      f.get();
    }
    assertThat(struck.get()).isEqualTo(3);
    assertThat(state.faults().all())
        .singleElement()
        .satisfies(f -> assertThat(f.struck()).isEqualTo(3));
  }

  @Test
  void aFaultThatShapesNewExportsStrikesExactlyItsTimesAndWritesEachShapedExportWithItsStrike()
      throws Exception {
    state.faults().add(scheduled(null, "orders", 3));
    var kind = pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START;
    List<ExportJob> shaped = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (Future<Object> f :
        race(
            12,
            () -> {
              ExportJob made = job(1, "orders", T0.plusSeconds(next.incrementAndGet()));
              state.jobs().insertIfNoneRunning(made, T0.plusSeconds(86_400));
              state
                  .faults()
                  .strikeOnJob(kind, made, false, fault -> made.failingAt(made.startAt(), "x"))
                  .ifPresent(struck -> shaped.add(struck.job()));
              return null;
            })) {
      f.get();
    }
    assertThat(shaped).hasSize(3);
    for (ExportJob job : shaped) {
      assertThat(state.jobs().find(1, job.uuid())).as("written with its strike").contains(job);
    }
    assertThat(state.faults().all())
        .singleElement()
        .satisfies(f -> assertThat(f.struck()).isEqualTo(3));
  }

  @Test
  void aKeysUseMarksItsLiveAccountAsUsedAndLeavesAnIdleOrEndedOneAsItIs() {
    Account made =
        state
            .accounts()
            .create(
                "try-it",
                "sk_try_used",
                T0,
                id ->
                    new Account(
                        id, "sk_try_used", true, List.of(1001L), id, "u@example.com", null));
    Instant later = T0.plusSeconds(60);

    RuntimeAccounts.Use live =
        state.accounts().use("try-it", "sk_try_used", later, T0.minusSeconds(1));
    assertThat(live.account()).contains(made);
    assertThat(live.lastUsed()).contains(T0);
    assertThat(state.accounts().lastUsed("try-it", made.id())).contains(later);

    RuntimeAccounts.Use idle =
        state.accounts().use("try-it", "sk_try_used", later.plusSeconds(60), later);
    assertThat(idle.account()).contains(made);
    assertThat(idle.lastUsed()).as("idle since: left as it was").contains(later);
    assertThat(state.accounts().lastUsed("try-it", made.id())).contains(later);

    state.accounts().end("try-it", made.id());
    RuntimeAccounts.Use ended =
        state.accounts().use("try-it", "sk_try_used", later.plusSeconds(120), T0);
    assertThat(ended.account()).isEmpty();
    assertThat(state.accounts().lastUsed("try-it", made.id()))
        .as("not back in the index")
        .isEmpty();
    assertThat(state.accounts().use("try-it", "sk_try_never", later, T0).account()).isEmpty();
  }

  @Test
  void aFileStrikeIsGivenBackOnceHoweverManyRaceAndStrikesTheNextExport() throws Exception {
    state.faults().add(scheduled(1L, "orders", 1));
    var kind = pelcro.exports.sandbox.domain.FaultKind.EXPORT_FAILS_AT_START;
    assertThat(state.faults().strikeOnFile(kind, 1, "orders", "uuid-a")).isPresent();
    assertThat(state.faults().strikeOnFile(kind, 1, "orders", "uuid-b")).as("spent").isEmpty();
    assertThat(state.faults().giveBackFileStrike("uuid-b")).as("nothing struck for it").isEmpty();
    AtomicInteger givenBack = new AtomicInteger();
    for (Future<Object> f :
        race(
            8,
            () -> {
              if (state.faults().giveBackFileStrike("UUID-A").isPresent()) {
                givenBack.incrementAndGet();
              }
              return null;
            })) {
      f.get();
    }
    assertThat(givenBack.get()).isEqualTo(1);
    assertThat(state.faults().all())
        .singleElement()
        .satisfies(f -> assertThat(f.struck()).isZero());
    assertThat(state.faults().strikeOnFile(kind, 1, "orders", "uuid-c"))
        .as("the next export")
        .isPresent();
    assertThat(state.faults().all())
        .singleElement()
        .satisfies(f -> assertThat(f.struck()).isEqualTo(1));
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
    assertThat(state.agreeOnSeed(later))
        .as("a node started later adopts the anchor")
        .isEqualTo(first);
    state.reset();
    assertThat(state.agreeOnSeed(later)).isEqualTo(first);
    assertThatThrownBy(() -> state.agreeOnSeed(new SeedParameters(7, 500, T0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--seed 42");
  }

  // --- Webhook deliveries: one sender per attempt ------------------------------------------

  private static final long REAL_NOW = 1_000_000L;

  private static WebhookEvent event(String uuid) {
    return new WebhookEvent(
        "evt_" + uuid,
        ExportEventType.COMPLETED,
        T0.getEpochSecond(),
        uuid,
        1,
        "{\"uuid\":\"" + uuid + "\"}");
  }

  /** What a node's sender does to start an attempt (as {@code WebhookDispatcher.pump}). */
  private Optional<WebhookDelivery> claim(String id, Instant accountNow, long realMillis) {
    return state
        .deliveries()
        .change(
            id,
            current ->
                current.dueAt(accountNow, realMillis)
                    ? current.sending(realMillis + 30_000)
                    : null);
  }

  @Test
  void eachDueWebhookAttemptIsClaimedByExactlyOneSenderHoweverManyRace() throws Exception {
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(
          state.deliveries().add(event("u" + i), T0, null, WebhookDelivery.Faulted.NONE, 100).id());
    }
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    for (Future<Object> f :
        race(
            12,
            () -> {
              for (var d : state.deliveries().unfinished(256)) {
                claim(d.id(), T0, REAL_NOW).ifPresent(c -> claimed.add(c.id()));
              }
              return null;
            })) {
      f.get();
    }
    assertThat(claimed)
        .as("one sender per delivery")
        .hasSize(6)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(state.deliveries().all())
        .allSatisfy(d -> assertThat(d.status()).isEqualTo(WebhookDelivery.Status.SENDING));
  }

  @Test
  void aFailedAttemptIsRetriedByOneSenderOnlyOnceItIsDueAgainAndADeliveredOneNever()
      throws Exception {
    String id =
        state.deliveries().add(event("r"), T0, null, WebhookDelivery.Faulted.NONE, 100).id();
    assertThat(claim(id, T0, REAL_NOW)).isPresent();
    var failed = new WebhookDelivery.Attempt(T0, 500, null);
    state.deliveries().change(id, d -> d.recorded(failed, 3, Duration.ofSeconds(30)));
    assertThat(claim(id, T0.plusSeconds(29), REAL_NOW)).as("not due before its backoff").isEmpty();

    AtomicInteger winners = new AtomicInteger();
    for (Future<Boolean> f : race(12, () -> claim(id, T0.plusSeconds(30), REAL_NOW).isPresent())) {
      if (f.get()) {
        winners.incrementAndGet();
      }
    }
    assertThat(winners.get()).as("the second attempt's senders").isEqualTo(1);

    var delivered = new WebhookDelivery.Attempt(T0.plusSeconds(31), 204, null);
    state
        .deliveries()
        .change(
            id,
            d ->
                d.status() == WebhookDelivery.Status.SENDING
                    ? d.recorded(delivered, 3, Duration.ofSeconds(30))
                    : null);
    assertThat(state.deliveries().find(id).orElseThrow().attempts()).hasSize(2);
    assertThat(state.deliveries().unfinished(256)).isEmpty();
    assertThat(claim(id, T0.plusSeconds(3600), Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void anAttemptWhoseSenderDiedIsClaimedAgainByExactlyOneSenderAfterItsLease() throws Exception {
    String id =
        state.deliveries().add(event("d"), T0, null, WebhookDelivery.Faulted.NONE, 100).id();
    assertThat(claim(id, T0, REAL_NOW)).isPresent(); // its sender never records the attempt
    assertThat(claim(id, T0, REAL_NOW + 29_999)).as("the lease still holds").isEmpty();
    AtomicInteger winners = new AtomicInteger();
    for (Future<Boolean> f : race(12, () -> claim(id, T0, REAL_NOW + 30_000).isPresent())) {
      if (f.get()) {
        winners.incrementAndGet();
      }
    }
    assertThat(winners.get()).isEqualTo(1);
  }

  @Test
  void aFullDeliveryJournalDropsFinishedDeliveriesBeforeUnsentOnes() {
    var none = WebhookDelivery.Faulted.NONE;
    String first = state.deliveries().add(event("a"), T0, null, none, 3).id();
    String second = state.deliveries().add(event("b"), T0, null, none, 3).id();
    claim(second, T0, REAL_NOW);
    state
        .deliveries()
        .change(
            second,
            d -> d.recorded(new WebhookDelivery.Attempt(T0, 200, null), 3, Duration.ofSeconds(1)));
    state.deliveries().add(event("c"), T0, null, none, 3);
    state.deliveries().add(event("d"), T0, null, none, 3);
    assertThat(state.deliveries().find(second)).as("the finished one went first").isEmpty();
    assertThat(state.deliveries().dropped()).isZero();
    state.deliveries().add(event("e"), T0, null, none, 3);
    assertThat(state.deliveries().find(first)).as("then the oldest unsent").isEmpty();
    assertThat(state.deliveries().dropped()).isEqualTo(1);
    assertThat(state.deliveries().all()).hasSize(3);
  }

  // --- Lint findings -------------------------------------------------------------------------

  @Test
  void countsEveryLintFindingOnceUnderConcurrencyWithItsFirstAndLastTime() throws Exception {
    AtomicInteger second = new AtomicInteger();
    for (Future<Object> f :
        race(
            8,
            () -> {
              for (int i = 0; i < 25; i++) {
                int at = second.incrementAndGet();
                state.lint().record(1, "ignored-field", "detail " + at, T0.getEpochSecond() + at);
              }
              return null;
            })) {
      f.get();
    }
    state.lint().record(1, "polls-too-fast", "every 10 ms", T0.getEpochSecond());
    List<LintStore.Finding> mine = state.lint().findings(1L).get(1L);
    assertThat(mine)
        .extracting(LintStore.Finding::rule)
        .containsExactlyInAnyOrder("ignored-field", "polls-too-fast");
    LintStore.Finding ignored =
        mine.stream().filter(f -> f.rule().equals("ignored-field")).findFirst().orElseThrow();
    assertThat(ignored.count()).isEqualTo(200);
    assertThat(ignored.firstAt()).isEqualTo(T0.getEpochSecond() + 1);
    assertThat(ignored.lastAt()).isEqualTo(T0.getEpochSecond() + 200);
  }

  @Test
  void lintFindingsAreFilteredByAccountAndForgottenPerAccount() {
    state.lint().record(2, "ignored-field", "x", 10);
    state.lint().record(1, "polls-too-fast", "y", 11);
    state.lint().remember(1, "not-ready:u1", 5_000);
    assertThat(state.lint().findings(null)).containsOnlyKeys(1L, 2L);
    assertThat(state.lint().findings(2L)).containsOnlyKeys(2L);
    assertThat(state.lint().findings(3L)).isEmpty();
    assertThat(state.lint().recall(1, "not-ready:u1")).contains(5_000L);

    state.resetAccount(1);
    assertThat(state.lint().findings(null)).containsOnlyKeys(2L);
    assertThat(state.lint().recall(1, "not-ready:u1")).isEmpty();
    state.lint().forget(2);
    assertThat(state.lint().findings(null)).isEmpty();
  }

  @Test
  void anAccountsLintFactsAreBoundedOldestFirstAndAWholeResetForgetsEveryFinding() {
    for (int i = 0; i <= LintStore.MAX_FACTS; i++) {
      state.lint().remember(1, "not-ready:u" + i, i);
    }
    assertThat(state.lint().recall(1, "not-ready:u0")).as("the oldest fact went").isEmpty();
    assertThat(state.lint().recall(1, "not-ready:u" + LintStore.MAX_FACTS))
        .contains((long) LintStore.MAX_FACTS);
    state.lint().record(1, "ignored-field", "x", 10);
    state.lint().record(2, "ignored-field", "x", 10);
    state.reset();
    assertThat(state.lint().findings(null)).isEmpty();
    assertThat(state.lint().findings(1L)).isEmpty();
  }

  // --- Try-it tenants and their caps -----------------------------------------------------------

  private TryItTenants tenants(int max, int perAddress, int inTotal) {
    return new TryItTenants(
        state.accounts(),
        state.rates(),
        new TryItTenants.Limits(Duration.ofMinutes(30), max, perAddress, inTotal),
        state::resetAccount);
  }

  /** Resolves distinct keys from racing threads; returns how many got a tenant (the rest: 429). */
  private int newTenantsRacing(TryItTenants tenants, int threads, IntFunction<String> address)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    int admitted = 0;
    for (Future<Account> f :
        race(
            threads,
            () -> {
              int i = next.getAndIncrement();
              return tenants
                  .resolve("sk_try_visitor" + i, address.apply(i), clock.instant())
                  .orElseThrow();
            })) {
      try {
        f.get();
        admitted++;
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(errorOf(e)).isEqualTo(ApiError.TOO_MANY_REQUESTS);
      }
    }
    return admitted;
  }

  @Test
  void newTryItTenantsFromOneAddressStopAtItsCapHoweverManyRace() throws Exception {
    var tenants = tenants(100, 3, 100);
    assertThat(newTenantsRacing(tenants, 16, i -> "10.0.0.1")).isEqualTo(3);
    assertThat(state.accounts().count("try-it")).isEqualTo(3);
    assertThat(tenants.resolve("sk_try_other", "10.0.0.2", clock.instant())).isPresent();
  }

  @Test
  void newTryItTenantsInTotalStopAtTheTotalCapHoweverManyRace() throws Exception {
    var tenants = tenants(100, 100, 5);
    assertThat(newTenantsRacing(tenants, 16, i -> "10.0.1." + i)).isEqualTo(5);
    assertThat(state.accounts().count("try-it")).isEqualTo(5);
    clock.advance(Duration.ofMinutes(1));
    assertThat(tenants.resolve("sk_try_next_minute", "10.0.2.1", clock.instant())).isPresent();
  }

  @Test
  void liveTryItTenantsNeverExceedTheirCapHoweverManyRace() throws Exception {
    var tenants = tenants(4, 100, 100);
    assertThat(newTenantsRacing(tenants, 16, i -> "10.0.3." + i)).isEqualTo(16);
    assertThat(tenants.liveCount(clock.instant())).isLessThanOrEqualTo(4);
    assertThat(state.accounts().leastRecentlyUsed("try-it", 100))
        .allSatisfy(id -> assertThat(state.accounts().byId(id)).isPresent());
  }

  @Test
  void anEvictedOrExpiredTryItTenantLeavesNoJob() {
    var tenants = tenants(2, 100, 100);
    Account first = tenants.resolve("sk_try_first", "10.0.4.1", clock.instant()).orElseThrow();
    state.jobs().insertIfNoneRunning(job(first.id(), "orders", T0), T0);
    clock.advance(Duration.ofSeconds(1));
    Account second = tenants.resolve("sk_try_second", "10.0.4.1", clock.instant()).orElseThrow();
    state.jobs().insertIfNoneRunning(job(second.id(), "orders", T0), T0);
    clock.advance(Duration.ofSeconds(1));
    tenants.resolve("sk_try_third", "10.0.4.1", clock.instant()).orElseThrow();

    assertThat(state.accounts().byId(first.id())).as("the least recently used went").isEmpty();
    assertThat(state.jobs().jobs(first.id())).isEmpty();
    assertThatThrownBy(() -> state.jobs().insertIfNoneRunning(job(first.id(), "invoices", T0), T0))
        .extracting(e -> ((ApiException) e).error())
        .isEqualTo(ApiError.UNAUTHENTICATED);
    assertThat(state.jobs().jobs(second.id())).hasSize(1);

    clock.advance(Duration.ofMinutes(31));
    assertThat(tenants.liveCount(clock.instant())).isZero();
    assertThat(state.jobs().jobs(second.id())).as("expired: its jobs went too").isEmpty();
  }

  @Test
  void noJobOutlivesATryItTenantEvictedWhileItsRequestsRace() throws Exception {
    var tenants = tenants(3, 1000, 1000);
    String[] types = {"orders", "invoices", "payments", "refunds"};
    List<Long> seen = new CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();
    for (Future<Object> f :
        race(
            8,
            () -> {
              int me = next.getAndIncrement();
              for (int i = 0; i < 10; i++) {
                // Each thread is a visitor with a fresh key: each new tenant may evict another's.
                Account a =
                    tenants
                        .resolve("sk_try_t" + me + "_" + i, "10.0.5." + me, clock.instant())
                        .orElseThrow();
                seen.add(a.id());
                for (String type : types) {
                  try {
                    state.jobs().insertIfNoneRunning(job(a.id(), type, T0), T0);
                  } catch (ApiException e) {
                    assertThat(e.error()).isEqualTo(ApiError.UNAUTHENTICATED); // evicted meanwhile
                  }
                }
              }
              return null;
            })) {
      f.get();
    }
    assertThat(seen).hasSize(80);
    for (long id : seen) {
      if (state.accounts().byId(id).isEmpty()) {
        assertThat(state.jobs().jobs(id)).as("evicted tenant " + id).isEmpty();
      }
    }
  }
}
