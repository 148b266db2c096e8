package pelcro.exports.attack;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/attack}: attacks the standalone sandbox jar from outside, over loopback, and prints
 * what broke. Phase 1 runs the jar as a public Try-it backend ({@code --no-admin --try-it
 * --rate-limit 120}): a bulk of hostile requests, then 2,000 connections stuck mid-body, then 200
 * slow download readers, while normal clients measure their latency. Phase 2 runs it with the
 * control API on and fuzzes that with a state check after every request.
 */
@Command(
    name = "attack",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Hostile-input run against the standalone sandbox jar (loopback only, bounded).")
public final class AttackMain implements Callable<Integer> {
  @Option(names = "--jar", description = "The sandbox jar (default: ${DEFAULT-VALUE}).")
  Path jar = Path.of("sandbox/target/exports-sandbox.jar");

  @Option(names = "--seed", description = "Seed of every generator (default: random, printed).")
  Long seed;

  @Option(
      names = "--requests",
      description = "Hostile requests of the bulk phase (default: ${DEFAULT-VALUE}).")
  long requests = 250_000;

  @Option(
      names = "--workers",
      description = "Attacker threads of the bulk phase (default: ${DEFAULT-VALUE}).")
  int workers = 8;

  @Option(
      names = "--addresses",
      description = "Attacker source addresses, 127.0.0.2 on (default: ${DEFAULT-VALUE}).")
  int addresses = 64;

  @Option(
      names = "--slow-bodies",
      description = "Connections stuck mid-body without a key (default: ${DEFAULT-VALUE}).")
  int slowBodies = 2000;

  @Option(
      names = "--slow-body-seconds",
      description = "How long they are held (default: ${DEFAULT-VALUE}).")
  long slowBodySeconds = 40;

  @Option(
      names = "--trickle-seconds",
      description =
          "Send one more body byte on each stuck connection every S seconds; 0 never (default: ${DEFAULT-VALUE}).")
  long trickleSeconds = 0;

  @Option(
      names = "--slow-readers",
      description = "Slow download readers (default: ${DEFAULT-VALUE}).")
  int slowReaders = 200;

  @Option(
      names = "--slow-reader-seconds",
      description = "How long they read (default: ${DEFAULT-VALUE}).")
  long slowReaderSeconds = 40;

  @Option(
      names = "--reader-bytes-per-second",
      description = "Each reader's pace (default: ${DEFAULT-VALUE}).")
  int readerRate = 1024;

  @Option(
      names = "--records-per-type",
      description =
          "Sandbox records per type and site; a 6-month export is ~1/4 of them (default: ${DEFAULT-VALUE}).")
  int recordsPerType = 250_000;

  @Option(
      names = "--normal-clients",
      description = "Normal clients measuring latency (default: ${DEFAULT-VALUE}).")
  int normalClients = 8;

  @Option(
      names = "--normal-interval-ms",
      description = "Each normal client's pause between requests (default: ${DEFAULT-VALUE}).")
  long normalIntervalMs = 1000;

  @Option(
      names = "--window-seconds",
      description = "Baseline and recovery windows (default: ${DEFAULT-VALUE}).")
  long windowSeconds = 10;

  @Option(
      names = "--control-requests",
      description =
          "Generated requests of the control-API phase, each followed by a state check (default: ${DEFAULT-VALUE}).")
  int controlRequests = 3000;

  @Option(
      names = "--max-p99-ms",
      description = "Normal clients' p99 allowed during a scenario (default: ${DEFAULT-VALUE}).")
  double maxP99Ms = 1000;

  @Option(
      names = "--bulk-seconds",
      description = "The bulk stops here even short of --requests (default: ${DEFAULT-VALUE}).")
  long bulkSeconds = 300;

  @Option(
      names = "--control-seconds",
      description = "The control phase's generated requests stop here (default: ${DEFAULT-VALUE}).")
  long controlSeconds = 150;

  @Option(
      names = "--sandbox-heap",
      description = "-Xmx of the sandbox (default: ${DEFAULT-VALUE}).")
  String sandboxHeap = "512m";

  @Option(
      names = "--phases",
      split = ",",
      description = "Any of bulk, slow-bodies, slow-readers, control (default: all).")
  List<String> phases = List.of("bulk", "slow-bodies", "slow-readers", "control");

  @Option(names = "--report", description = "Where the findings go (default: ${DEFAULT-VALUE}).")
  Path report = Path.of("attack/target/attack-report.txt");

  @Option(
      names = "--smoke",
      description =
          "Under three minutes: 20,000 requests (60 s at most), 300 stuck connections, 30 readers, 10-second scenarios, 500 control requests.")
  boolean smoke;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Tally tally = new Tally();
  private final long started = System.nanoTime();
  private final List<Latency> windows = new ArrayList<>();
  private final StringBuilder notes = new StringBuilder();

  public static void main(String[] args) {
    System.exit(new CommandLine(new AttackMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (smoke) {
      // Only the options not given on the command line.
      var given = spec.commandLine().getParseResult();
      requests = given.hasMatchedOption("--requests") ? requests : 20_000;
      slowBodies = given.hasMatchedOption("--slow-bodies") ? slowBodies : 300;
      slowReaders = given.hasMatchedOption("--slow-readers") ? slowReaders : 30;
      slowBodySeconds = given.hasMatchedOption("--slow-body-seconds") ? slowBodySeconds : 10;
      slowReaderSeconds = given.hasMatchedOption("--slow-reader-seconds") ? slowReaderSeconds : 10;
      windowSeconds = given.hasMatchedOption("--window-seconds") ? windowSeconds : 5;
      controlRequests = given.hasMatchedOption("--control-requests") ? controlRequests : 500;
      bulkSeconds = given.hasMatchedOption("--bulk-seconds") ? bulkSeconds : 60;
    }
    long runSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
    long fds = maxFileDescriptors();
    long needed = slowBodies + slowReaders + normalClients + workers + 500L;
    say("attack: seed %d (rerun with --seed %d)", runSeed, runSeed);
    say(
        "attack: normal clients from %s; attackers from %s",
        Addresses.normal().getHostAddress(), Addresses.describe(addresses));
    say(
        "attack: open files limit %s, this run needs about %d (ulimit -n)",
        fds < 0 ? "unknown" : fds, needed);
    if (fds >= 0 && fds < needed) {
      say(
          "attack: the open files limit is too low: raise it (ulimit -n %d) or lower --slow-bodies",
          needed);
      return 2;
    }
    Files.createDirectories(report.toAbsolutePath().getParent());
    if (phases.stream().anyMatch(p -> !p.equals("control"))) {
      publicPhase(runSeed);
    }
    if (phases.contains("control")) {
      controlPhase(runSeed, System.nanoTime() + controlSeconds * 1_000_000_000L);
    }
    return summary();
  }

  /** Phase 1: the jar as a public Try-it backend. */
  private void publicPhase(long runSeed) throws Exception {
    Path accountsFile = report.toAbsolutePath().getParent().resolve("attack-accounts.json");
    List<RequestGenerator.Account> builtIn = new JarAccounts(jar).writeWithAttackers(accountsFile);
    List<String> options =
        List.of(
            "--no-admin",
            "--try-it",
            "--rate-limit",
            "120",
            "--list-mode",
            "jobs",
            "--job-seconds",
            "1",
            "--records-per-type",
            String.valueOf(recordsPerType),
            "--accounts",
            accountsFile.toString());
    Path log = report.toAbsolutePath().getParent().resolve("attack-sandbox-public.log");
    say("%n== Phase 1: java -Xmx%s -jar %s %s", sandboxHeap, jar, String.join(" ", options));
    try (SandboxProcess sandbox =
        SandboxProcess.start(jar, List.of("-Xmx" + sandboxHeap), options, log)) {
      say("sandbox on %s (pid %d, log %s)", sandbox.root(), sandbox.pid(), log);
      List<RequestGenerator.Account> visitors = new ArrayList<>();
      for (int i = 0; i < normalClients; i++) {
        visitors.add(new RequestGenerator.Account("sk_try_normal_" + i, List.of(1001L)));
      }
      try (NormalClients normal =
          new NormalClients(
              sandbox.root(),
              visitors,
              Duration.ofMillis(normalIntervalMs),
              Duration.ofSeconds(10))) {
        normal.start();
        // The sandbox loads its spec and data after it listens, and the JIT warms up: not a
        // baseline.
        normal.measure("warm-up");
        Thread.sleep(windowSeconds * 1000);
        window(normal, "baseline (no attack)", windowSeconds);
        if (phases.contains("bulk")) {
          bulk(sandbox, normal, builtIn, runSeed, System.nanoTime() + bulkSeconds * 1_000_000_000L);
          window(normal, "recovery after bulk", windowSeconds);
        }
        if (phases.contains("slow-bodies")) {
          Latency during =
              normal.measure(String.format("%,d connections stuck mid-body", slowBodies));
          windows.add(during);
          SlowBodies slow =
              new SlowBodies(sandbox.address(), Addresses.attackers(addresses), tally);
          slow.run(slowBodies, slowBodySeconds, trickleSeconds);
          say("slow bodies: %s", slow.describe());
          say("normal clients during: %s", during.describe());
          window(normal, "recovery after stuck connections", windowSeconds);
        }
        if (phases.contains("slow-readers")) {
          readers(sandbox, normal);
          window(normal, "recovery after slow readers", windowSeconds);
        }
      }
      say("sandbox RSS at the end of phase 1: %d MiB", sandbox.rssMiB());
      if (!sandbox.alive()) {
        say("the sandbox process DIED during phase 1, see %s", log);
      }
    }
  }

  private void bulk(
      SandboxProcess sandbox,
      NormalClients normal,
      List<RequestGenerator.Account> accounts,
      long runSeed,
      long deadline)
      throws Exception {
    JdkSender http = new JdkSender(sandbox.root(), Duration.ofSeconds(10), 1 << 20);
    List<StateProbe.Watched> watched =
        accounts.stream()
            .filter(a -> a.key().startsWith("sk_test_attack"))
            .map(a -> new StateProbe.Watched(a.key(), a.sites().get(0)))
            .toList();
    StateProbe probe = new StateProbe(http, watched, false);
    StateProbe.State before = probe.snapshot();
    List<String> tryKeys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tryKeys.add("sk_try_attacker_" + i);
    }
    List<RequestGenerator.Account> enterprise =
        new ArrayList<>(accounts.stream().filter(a -> !a.key().equals("sk_test_basic")).toList());
    RequestGenerator.Account basic =
        accounts.stream()
            .filter(a -> a.key().equals("sk_test_basic"))
            .findFirst()
            .orElse(enterprise.get(0));
    tryKeys.forEach(k -> enterprise.add(new RequestGenerator.Account(k, List.of(1001L, 1002L))));
    RequestGenerator.Setup setup =
        new RequestGenerator.Setup(enterprise, basic, tryKeys, false, Instant::now);
    List<RawScript> cases = new Garbage("127.0.0.1:" + sandbox.port(), "sk_test_attack_1").cases();
    BulkAttack attack =
        new BulkAttack(
            sandbox.address(),
            cases,
            w -> new RequestGenerator(runSeed + w, setup),
            Addresses.attackers(addresses),
            runSeed,
            tally);
    Latency during = normal.measure("bulk of hostile requests");
    windows.add(during);
    long t0 = System.nanoTime();
    long sentBefore = tally.requests();
    attack.run(requests, workers, deadline);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long bulkSent = tally.requests() - sentBefore;
    say(
        "bulk: %,d requests in %.0f s (%,.0f/s) from %d workers%s",
        bulkSent,
        seconds,
        bulkSent / seconds,
        workers,
        bulkSent < requests
            ? String.format(
                " -- stopped by --bulk-seconds %d short of --requests %,d", bulkSeconds, requests)
            : "");
    say("normal clients during: %s", during.describe());
    say("bulk: the inputs that took the most time:%n%s", tally.slowest(12).stripTrailing());
    Thread.sleep(1500);
    StateProbe.State after = probe.snapshot();
    Set<String> unexplained = new HashSet<>(after.uuids());
    unexplained.removeAll(before.uuids());
    unexplained.removeAll(attack.created());
    for (String uuid : unexplained) {
      tally.broken(
          Rule.STATE_CHANGED,
          "export created without a 2xx answer",
          () -> "one of the bulk's requests (none was answered with this uuid)",
          "export " + uuid);
    }
    say(
        "bulk: %,d exports created by 2xx answers, %d exports appeared without one",
        attack.created().size(), unexplained.size());
  }

  private void readers(SandboxProcess sandbox, NormalClients normal) throws Exception {
    SlowReaders readers = new SlowReaders(sandbox.address(), Addresses.attackers(addresses), tally);
    List<String> types =
        new ValidBodies()
            .objects().stream()
                .filter(t -> !t.equals("accounting") && !t.equals("credit_note"))
                .toList();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i * types.size() < slowReaders; i++) {
      keys.add("sk_try_reader_" + i);
    }
    List<SlowReaders.File> files = readers.request(keys, 1001, types, Instant.now(), slowReaders);
    say(
        "slow readers: %d exports requested for them, answers %s",
        files.size(), readers.requestStatuses());
    Thread.sleep(3000); // --job-seconds 1: finished by now
    Latency during =
        normal.measure(String.format("%d slow readers at %d B/s", files.size(), readerRate));
    windows.add(during);
    readers.run(files, slowReaderSeconds, readerRate);
    say("slow readers: %s", readers.describe(files.size()));
    say("normal clients during: %s", during.describe());
  }

  /** Phase 2: the control API on, every request followed by a state check. */
  private void controlPhase(long runSeed, long deadline) throws Exception {
    try (WebhookSink hooks = new WebhookSink()) {
      List<String> options =
          List.of(
              "--try-it",
              "--rate-limit",
              "0",
              "--list-mode",
              "jobs",
              "--job-seconds",
              "3600",
              "--records-per-type",
              "2000",
              "--webhook-url",
              hooks.url().toString(),
              "--webhook-secret",
              "whsec_attack");
      Path log = report.toAbsolutePath().getParent().resolve("attack-sandbox-control.log");
      say("%n== Phase 2: java -Xmx%s -jar %s %s", sandboxHeap, jar, String.join(" ", options));
      try (SandboxProcess sandbox =
          SandboxProcess.start(jar, List.of("-Xmx" + sandboxHeap), options, log)) {
        say("sandbox on %s (pid %d, log %s)", sandbox.root(), sandbox.pid(), log);
        JdkSender http = new JdkSender(sandbox.root(), Duration.ofSeconds(10), 1 << 20);
        List<RequestGenerator.Account> builtIn = new JarAccounts(jar).builtIn();
        List<RequestGenerator.Account> enterprise =
            new ArrayList<>(
                builtIn.stream().filter(a -> !a.key().equals("sk_test_basic")).toList());
        RequestGenerator.Account basic =
            builtIn.stream()
                .filter(a -> a.key().equals("sk_test_basic"))
                .findFirst()
                .orElse(enterprise.get(0));
        List<String> tryKeys = List.of("sk_try_control_one", "sk_try_control_two");
        tryKeys.forEach(
            k -> enterprise.add(new RequestGenerator.Account(k, List.of(1001L, 1002L))));
        List<StateProbe.Watched> watched =
            enterprise.stream()
                .map(a -> new StateProbe.Watched(a.key(), a.sites().get(0)))
                .toList();
        RequestGenerator generator =
            new RequestGenerator(
                runSeed ^ 0xC0FFEEL,
                new RequestGenerator.Setup(enterprise, basic, tryKeys, true, Instant::now));
        FuzzSession session =
            new FuzzSession(
                http,
                sandbox.address(),
                Addresses.attacker(0),
                new StateProbe(http, watched, true),
                generator,
                runSeed,
                tally);
        session.start();
        long t0 = System.nanoTime();
        session.runCases(
            new Garbage("127.0.0.1:" + sandbox.port(), enterprise.get(0).key()).cases());
        session.runGenerated(controlRequests, deadline);
        session.close();
        say(
            "control phase: %,d requests in %.0f s, each followed by a state check (%.0f s of checks);"
                + " %,d webhook deliveries received",
            session.sent(),
            (System.nanoTime() - t0) / 1e9,
            session.snapshotSeconds(),
            hooks.received());
        Files.writeString(
            report.toAbsolutePath().getParent().resolve("attack-garbage-cases.txt"),
            session.caseAnswers(),
            StandardCharsets.UTF_8);
        new WireMockAdminChecks(sandbox, tally, line -> say("%s", line)).run();
      }
    }
  }

  private void window(NormalClients normal, String name, long seconds) throws InterruptedException {
    Latency w = normal.measure(name);
    Thread.sleep(seconds * 1000);
    say("normal clients, %s: %s", name, w.describe());
    windows.add(w);
  }

  private int summary() throws IOException {
    boolean slow = false;
    say("%n== Summary");
    say("%s", tally.summary().trim());
    say("normal clients (p50 / p99 per window; limit %.0f ms during attacks):", maxP99Ms);
    for (Latency w : windows) {
      boolean attack = !w.scenario().startsWith("baseline") && !w.scenario().startsWith("recovery");
      boolean over = attack && !(w.millis(0.99) < maxP99Ms);
      slow |= over;
      say("  %-40s %s%s", w.scenario(), w.describe(), over ? "  <-- over the limit" : "");
      if (over) {
        tally.broken(Rule.SLOW, w.scenario(), w::scenario, w.describe());
      }
    }
    String findings = tally.report(400);
    Files.writeString(
        report,
        "seed and settings: see the command's output\n"
            + notes
            + "\n\n"
            + tally.summary()
            + findings,
        StandardCharsets.UTF_8);
    List<Tally.Finding> all = tally.findings();
    say("%d kinds of findings; the first of each in %s. The most frequent:", all.size(), report);
    for (Tally.Finding f : all.subList(0, Math.min(12, all.size()))) {
      say("  %,7d x %s %s", f.count(), f.caseName(), f.rules());
    }
    boolean failed = tally.violations() > 0 || slow;
    say(
        "%nRESULT: %s after %.0f s",
        failed ? "FAIL (rules broken, see above)" : "PASS", (System.nanoTime() - started) / 1e9);
    return failed ? 1 : 0;
  }

  private static long maxFileDescriptors() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }

  private void say(String format, Object... args) {
    String line = String.format(format, args);
    System.out.println(line);
    System.out.flush();
    notes.append(line).append('\n');
  }
}
