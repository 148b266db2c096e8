package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;
import static pelcro.exports.sandbox.support.ExportCalls.postExport;
import static pelcro.exports.sandbox.support.ExportCalls.requestExport;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import pelcro.exports.sandbox.Sandbox;

/** The two invariants under contention: one running export per type, one download per file. */
class ConcurrencyAcceptanceTest {
  private static final int THREADS = 16;
  private static Sandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).jobSeconds(60).start();
    // Parse the spec before racing, so the threads meet at the store, not at start-up.
    api(sandbox, ENTERPRISE)
        .queryParam("site_id", SITE)
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/exports");
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @RepeatedTest(3)
  void startsExactlyOneOfSixteenSimultaneousRequestsOfATypeAndHandsItsFileOutOnce()
      throws Exception {
    control(sandbox).post("/reset").then().statusCode(200);
    List<Integer> requests = race(() -> postExport(sandbox, ENTERPRISE, SITE).statusCode());
    assertThat(requests).containsOnly(200, 409);
    assertThat(requests).filteredOn(s -> s == 200).hasSize(1);
  }

  @RepeatedTest(3)
  void handsAFinishedFileToExactlyOneOfSixteenSimultaneousDownloads() throws Exception {
    control(sandbox).post("/reset").then().statusCode(200);
    String uuid = requestExport(sandbox, ENTERPRISE, SITE);
    control(sandbox).post("/exports/" + uuid + "/complete").then().statusCode(200);
    List<Integer> downloads =
        race(
            () ->
                api(sandbox, ENTERPRISE)
                    .queryParam("site_id", SITE)
                    .get("/exports/" + uuid)
                    .statusCode());
    assertThat(downloads).containsOnly(200, 400);
    assertThat(downloads).filteredOn(s -> s == 200).hasSize(1);
  }

  private static List<Integer> race(Callable<Integer> call) throws Exception {
    CyclicBarrier barrier = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> futures =
          IntStream.range(0, THREADS)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            barrier.await();
                            return call.call();
                          }))
              .toList();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (Future<Integer> f : futures) {
        statuses.add(f.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }
}
