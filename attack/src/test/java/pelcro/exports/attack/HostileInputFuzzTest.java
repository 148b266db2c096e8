package pelcro.exports.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.domain.Account;

/**
 * The bounded fuzz run of the normal build: an embedded sandbox on a fixed clock (so that only
 * requests change its state), admin on, webhooks on, Try-it on; every answer must keep {@link
 * Rules}, and no rejected request may change the state read by {@link StateProbe} (the watched
 * accounts' exports, the clock offset, the webhook deliveries). The seed is printed; rerun one with
 * {@code -Dfuzz.seed=N}; {@code -Dfuzz.requests=N} changes the count.
 */
class HostileInputFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
  private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");
  private static final List<String> TRY_KEYS = List.of("sk_try_fuzz_one", "sk_try_fuzz_two");

  private static WebhookSink hooks;
  private static Sandbox sandbox;
  private static final StringBuilder REPORT = new StringBuilder();

  @BeforeAll
  static void start() {
    hooks = new WebhookSink();
    sandbox =
        Sandbox.builder()
            .port(0)
            .bind("127.0.0.1")
            .jobSeconds(60)
            .listMode("jobs")
            .rateLimit(0)
            .tryIt(true)
            .tryItMaxTenants(50)
            .recordsPerType(400)
            .webhook(hooks.url(), "whsec_fuzz")
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .start();
    System.out.printf(
        "HostileInputFuzzTest: seed %d, %d generated requests (-Dfuzz.seed, -Dfuzz.requests)%n",
        SEED, REQUESTS);
  }

  @AfterAll
  static void stop() throws IOException {
    sandbox.close();
    hooks.close();
    Path report = Path.of("target", "fuzz-report.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "seed " + SEED + "\n" + REPORT, StandardCharsets.UTF_8);
  }

  @Test
  void protocolGarbageIsAnsweredWithJsonAndChangesNothing() throws Exception {
    Tally tally = new Tally();
    FuzzSession session = session(tally, SEED);
    session.start();
    session.runCases(new Garbage(host(), enterpriseKey()).cases());
    session.close();
    synchronized (REPORT) {
      REPORT.append("What each garbage case got:\n").append(session.caseAnswers()).append('\n');
    }
    assertKept("protocol garbage", tally);
  }

  @Test
  void
      mutatedRequestsAcrossEveryOperationAndTheControlApiAreAnsweredWithJsonAndRejectedOnesChangeNothing()
          throws Exception {
    Tally tally = new Tally();
    FuzzSession session = session(tally, SEED + 1);
    session.start();
    session.runGenerated(REQUESTS, System.nanoTime() + TimeUnit.SECONDS.toNanos(90));
    session.close();
    System.out.printf("state snapshots took %.1f s%n", session.snapshotSeconds());
    assertThat(tally.requests()).as("requests sent").isGreaterThan(REQUESTS / 2);
    assertKept("mutated requests", tally);
  }

  @Test
  void aStateChangeAcrossARejectedRequestIsCaught() throws Exception {
    Tally tally = new Tally();
    FuzzSession session = session(tally, SEED + 2);
    session.start();
    // The harness's own teeth: the clock moves behind its back while a garbage request is
    // refused, exactly as if that request had moved it.
    sandbox.clock().advance(Duration.ofSeconds(7));
    session.runCases(
        List.of(
            RawScript.sendAndHalfClose(
                "unknown path",
                ("GET /nope HTTP/1.1\r\nHost: " + host() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII),
                "GET",
                "/nope")));
    session.close();
    assertThat(tally.count(Rule.STATE_CHANGED)).isEqualTo(1);
    assertThat(tally.findings().get(0).answer()).contains("404").contains("clock offset");
  }

  private static FuzzSession session(Tally tally, long seed) throws Exception {
    List<RequestGenerator.Account> enterprise = new ArrayList<>();
    List<StateProbe.Watched> watched = new ArrayList<>();
    RequestGenerator.Account basic = null;
    for (Account a : sandbox.accounts()) {
      RequestGenerator.Account account =
          new RequestGenerator.Account(a.key(), List.copyOf(a.sites()));
      if (a.enterprise()) {
        enterprise.add(account);
        watched.add(new StateProbe.Watched(a.key(), a.sites().get(0)));
      } else {
        basic = account;
      }
    }
    for (String key : TRY_KEYS) {
      enterprise.add(new RequestGenerator.Account(key, List.of(1001L, 1002L)));
      watched.add(new StateProbe.Watched(key, 1001L));
    }
    JdkSender jdk = new JdkSender(sandbox.rootUrl(), Duration.ofSeconds(10), 1 << 20);
    RequestGenerator generator =
        new RequestGenerator(
            seed,
            new RequestGenerator.Setup(
                enterprise, basic, TRY_KEYS, true, () -> sandbox.clock().instant()));
    return new FuzzSession(
        jdk,
        new InetSocketAddress("127.0.0.1", sandbox.port()),
        InetAddress.getByName("127.0.0.1"),
        new StateProbe(jdk, watched, true),
        generator,
        seed,
        tally);
  }

  private static void assertKept(String what, Tally tally) {
    String summary = what + ": " + tally.summary();
    String report = tally.report(15);
    synchronized (REPORT) {
      REPORT.append(summary).append(tally.report(1000)).append('\n');
    }
    System.out.println(summary);
    assertThat(tally.violations())
        .as(
            "%s broke the rules (seed %d; full list in attack/target/fuzz-report.txt):%n%s%s",
            what, SEED, summary, report)
        .isZero();
  }

  private static String host() {
    return "127.0.0.1:" + sandbox.port();
  }

  private static String enterpriseKey() {
    return sandbox.accounts().stream().filter(Account::enterprise).findFirst().orElseThrow().key();
  }
}
