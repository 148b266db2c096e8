package pelcro.exports.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import pelcro.exports.sandbox.Fixtures;
import pelcro.exports.sandbox.Sandbox;

/**
 * Test classes pointed at one running sandbox ({@code @ExportsSandboxTest(url = ...)} or {@code
 * -Dexports.sandbox.url}) and run in parallel each get a session of their own: both hold a running
 * export of the same type at once (no 409), neither sees the other's exports, clock or completion.
 * The sample classes run here through the JUnit launcher with parallel classes (surefire skips
 * nested classes); a barrier makes them wait for each other, so they overlap.
 */
class SharedSandboxParallelClassesTest {
  /**
   * The shared sandbox of the annotated classes: an annotation takes only constants, so a fixed
   * port, below Linux's ephemeral range (32768-60999, where free ports are handed out) on a
   * loopback address of its own, so nothing else on the machine picks it by chance.
   */
  static final String FIXED_HOST = "127.0.0.87";

  static final int FIXED_PORT = 28467;
  static final String FIXED_URL = "http://" + FIXED_HOST + ":" + FIXED_PORT;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one launch's classes share: the barrier they meet at and what each saw. */
  private static volatile CyclicBarrier meet;

  private static final Map<String, String> UUIDS = new ConcurrentHashMap<>();
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
  private static final Map<String, String> THREADS = new ConcurrentHashMap<>();

  private static Sandbox shared;

  @BeforeAll
  static void startShared() throws IOException {
    try (ServerSocket probe =
        new ServerSocket(FIXED_PORT, 1, java.net.InetAddress.getByName(FIXED_HOST))) {
      probe.setReuseAddress(true); // free now; closed at once for the sandbox to take
    }
    shared = Sandbox.builder().bind(FIXED_HOST).port(FIXED_PORT).jobSeconds(60).start();
  }

  @AfterAll
  static void stopShared() {
    shared.close();
  }

  private static HttpResponse<String> call(
      SandboxHandle sandbox, String method, String path, Object body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + sandbox.enterpriseKey());
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Surefire, given a pattern, would run the sample classes alone: they run only when launched
   * here.
   */
  static final String LAUNCHING =
      "pelcro.exports.sandbox.junit.SharedSandboxParallelClassesTest#launching";

  /**
   * Whether this class's launch runs the sample classes (not surefire picking them by a pattern).
   */
  static boolean launching() {
    return meet != null;
  }

  private static void await() throws Exception {
    meet.await(60, TimeUnit.SECONDS); // the other class never came: not run in parallel
  }

  /** A class's {@code name}, the {@code other} class's, and whether this one advances its clock. */
  record Role(String name, String other, boolean advances) {}

  /**
   * One class's traffic, the same for both: export customers (the other class does too, at the same
   * time), look at the other's export, finish its own by {@code advancing} its clock or by
   * completing it, download it once.
   */
  abstract static class ExportsOnTheSharedSandbox {
    private final Role role;

    ExportsOnTheSharedSandbox(Role role) {
      this.role = role;
    }

    @Test
    void exportsAndDownloadsWithoutSeeingTheOtherClass(SandboxHandle sandbox) throws Exception {
      assertThat(sandbox.shared()).isTrue();
      KEYS.put(role.name(), sandbox.enterpriseKey());
      THREADS.put(role.name(), Thread.currentThread().getName());
      String site = "?site_id=" + sandbox.siteId();
      HttpResponse<String> requested =
          call(sandbox, "POST", "/exports" + site, Fixtures.ofType("customers"));
      assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
      String mine = JSON.readTree(requested.body()).at("/data/uuid").asText();
      UUIDS.put(role.name(), mine);
      await(); // both classes now hold a running customers export on one sandbox

      String theirs = UUIDS.get(role.other());
      assertThat(call(sandbox, "GET", "/exports/" + theirs + site, null).statusCode())
          .as("their export is not mine to see")
          .isEqualTo(404);
      assertThat(call(sandbox, "GET", "/exports/" + mine + site, null).statusCode())
          .as("mine is still running")
          .isEqualTo(404);
      if (role.advances()) {
        JsonNode clock = sandbox.advanceClock(Duration.ofSeconds(61));
        assertThat(clock.path("offset_seconds").asLong()).isGreaterThanOrEqualTo(61);
      }
      await(); // one class moved its clock: the other's export must not have finished
      if (!role.advances()) {
        assertThat(call(sandbox, "GET", "/exports/" + mine + site, null).statusCode())
            .as("their clock moved, mine did not")
            .isEqualTo(404);
        sandbox.complete(mine);
      }
      HttpResponse<String> file = call(sandbox, "GET", "/exports/" + mine + site, null);
      assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
      assertThat(file.body()).isNotBlank();
      assertThat(call(sandbox, "GET", "/exports/" + mine + site, null).statusCode())
          .as("downloaded once")
          .isEqualTo(400);
      await(); // both downloaded: nobody's download touched the other's file
    }
  }

  @ExportsSandboxTest(url = FIXED_URL)
  @EnabledIf(LAUNCHING)
  static class AnnotatedAdvancesItsClock extends ExportsOnTheSharedSandbox {
    AnnotatedAdvancesItsClock() {
      super(new Role("annotated-advances", "annotated-completes", true));
    }
  }

  @ExportsSandboxTest(url = FIXED_URL)
  @EnabledIf(LAUNCHING)
  static class AnnotatedCompletesItsExport extends ExportsOnTheSharedSandbox {
    AnnotatedCompletesItsExport() {
      super(new Role("annotated-completes", "annotated-advances", false));
    }
  }

  /** No url: the system property points them at the shared sandbox. */
  @ExportsSandboxTest
  @EnabledIf(LAUNCHING)
  static class PropertyAdvancesItsClock extends ExportsOnTheSharedSandbox {
    PropertyAdvancesItsClock() {
      super(new Role("property-advances", "property-completes", true));
    }
  }

  @ExportsSandboxTest
  @EnabledIf(LAUNCHING)
  static class PropertyCompletesItsExport extends ExportsOnTheSharedSandbox {
    PropertyCompletesItsExport() {
      super(new Role("property-completes", "property-advances", false));
    }
  }

  /** Runs the classes with JUnit's parallel execution, two classes at once. */
  private static TestExecutionSummary runInParallel(Class<?> first, Class<?> second) {
    meet = new CyclicBarrier(2);
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(first), selectClass(second))
                  .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.default", "same_thread")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.config.strategy", "fixed")
                  .configurationParameter(
                      "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                  .build(),
              listener);
    } finally {
      meet = null;
    }
    return listener.getSummary();
  }

  private static void assertBothPassedApartAndEndedTheirSessions(
      TestExecutionSummary summary, String first, String second) throws Exception {
    assertThat(summary.getFailures()).as("failures").isEmpty();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(THREADS.get(first)).as("on threads of their own").isNotEqualTo(THREADS.get(second));
    assertThat(KEYS.get(first)).isNotEqualTo(KEYS.get(second));
    for (String name : new String[] {first, second}) {
      HttpResponse<String> after =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(shared.baseUrl() + "/exports?site_id=1001"))
                  .header("Authorization", "Bearer " + KEYS.get(name))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(after.statusCode()).as(name + "'s session ended with its class").isEqualTo(401);
    }
  }

  @Test
  void parallelClassesAnnotatedWithTheSharedUrlNeverCollide() throws Exception {
    TestExecutionSummary summary =
        runInParallel(AnnotatedAdvancesItsClock.class, AnnotatedCompletesItsExport.class);
    assertBothPassedApartAndEndedTheirSessions(
        summary, "annotated-advances", "annotated-completes");
  }

  @Test
  void parallelClassesPointedAtTheSharedSandboxByTheSystemPropertyNeverCollide() throws Exception {
    String before = System.getProperty(ExportsSandboxExtension.SHARED_URL_PROPERTY);
    System.setProperty(ExportsSandboxExtension.SHARED_URL_PROPERTY, shared.baseUrl());
    TestExecutionSummary summary;
    try {
      summary = runInParallel(PropertyAdvancesItsClock.class, PropertyCompletesItsExport.class);
    } finally {
      if (before == null) {
        System.clearProperty(ExportsSandboxExtension.SHARED_URL_PROPERTY);
      } else {
        System.setProperty(ExportsSandboxExtension.SHARED_URL_PROPERTY, before);
      }
    }
    assertBothPassedApartAndEndedTheirSessions(summary, "property-advances", "property-completes");
  }
}
