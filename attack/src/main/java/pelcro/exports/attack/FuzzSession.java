package pelcro.exports.attack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One request at a time, with a state snapshot after each: every rule of {@link Rules} on every
 * answer, and for every rejected (4xx/5xx) or unanswered request, the state before and after must
 * be equal. Used by the fuzz test (embedded sandbox) and by {@code bin/attack}'s control phase
 * (standalone jar with the control API).
 */
public final class FuzzSession {
  private final JdkSender jdk;
  private final WireConnection wire;
  private final RawClient raw;
  private final InetAddress local;
  private final String host;
  private final StateProbe probe;
  private final RequestGenerator generator;
  private final ByteMutator mutator;
  private final SplittableRandom random;
  private final Tally tally;
  private StateProbe.State state;
  private long snapshotNanos;
  private long sent;
  private final StringBuilder caseAnswers = new StringBuilder();

  /**
   * @param local the source address of requests the JDK client cannot send
   * @param seed the seed of the byte damage and of the choice between clients
   */
  public FuzzSession(
      JdkSender jdk,
      InetSocketAddress server,
      InetAddress local,
      StateProbe probe,
      RequestGenerator generator,
      long seed,
      Tally tally) {
    this.jdk = jdk;
    this.local = local;
    this.wire = new WireConnection(server, local, 10_000, 1 << 20);
    this.raw = new RawClient(server, 10_000, 1 << 20);
    this.host = server.getHostString() + ":" + server.getPort();
    this.probe = probe;
    this.generator = generator;
    this.mutator = new ByteMutator(seed);
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    this.tally = tally;
  }

  /** Runs each garbage case once; {@link #caseAnswers} lists what each got. */
  public void runCases(List<RawScript> cases) {
    for (RawScript script : cases) {
      Answer answer = raw.run(script, local);
      caseAnswers.append(
          String.format(
              "%-48s %s%n",
              script.name(),
              answer.summary().substring(0, Math.min(150, answer.summary().length()))));
      judge(
          script.name(),
          script::reproduction,
          script.method(),
          script.path(),
          answer,
          script.mustAnswer());
    }
  }

  /**
   * Sends {@code count} generated requests (one in ten as damaged bytes), or stops at the deadline.
   */
  public void runGenerated(int count, long deadlineNanos) {
    for (int i = 0; i < count && System.nanoTime() < deadlineNanos; i++) {
      Probe p = generator.next();
      String name = p.op() + " / " + kind(p.mutation());
      if (random.nextInt(10) == 0) {
        RawScript script = mutator.mutate("damaged " + name, p.bytes(host), p.method(), p.path());
        Answer answer = raw.run(script, local);
        judge(script.name(), script::reproduction, p.method(), p.path(), answer, false);
        continue;
      }
      Answer answer = jdk.send(p).orElseGet(() -> wire.send(p));
      judge(name, () -> p.reproduction(host), p.method(), p.path(), answer, p.owesAnswer());
    }
  }

  private void judge(
      String name,
      java.util.function.Supplier<String> request,
      String method,
      String path,
      Answer answer,
      boolean mustAnswer) {
    sent++;
    Set<Rule> broken = Rules.check(method, path, answer, mustAnswer);
    tally.record(name, request, answer, broken);
    StateProbe.State before = current();
    long t0 = System.nanoTime();
    StateProbe.State after = probe.snapshot();
    snapshotNanos += System.nanoTime() - t0;
    if (!answer.answered() || answer.status() >= 400) {
      String diff = after.diff(before);
      if (!diff.isEmpty()) {
        tally.broken(Rule.STATE_CHANGED, name, request, answer.summary() + " | state: " + diff);
      }
    }
    state = after;
    generator.learnExports(after.uuids());
    generator.learnDeliveries(after.deliveryIds());
  }

  private StateProbe.State current() {
    if (state == null) {
      throw new IllegalStateException("call start() before the first request");
    }
    return state;
  }

  /** Takes the first snapshot before the first request (and teaches the generator). */
  public void start() {
    state = probe.snapshot();
    generator.learnExports(state.uuids());
    generator.learnDeliveries(state.deliveryIds());
  }

  /** One line per garbage case run: its name and the start of its answer. */
  public String caseAnswers() {
    return caseAnswers.toString();
  }

  /** Requests sent so far (state probes not counted). */
  public long sent() {
    return sent;
  }

  /** Time spent reading the state, in seconds. */
  public double snapshotSeconds() {
    return snapshotNanos / 1e9;
  }

  public void close() {
    wire.close();
  }

  /** The mutation without its values, to group findings: "site_id=abc" and "site_id=" alike. */
  static String kind(String mutation) {
    String first = mutation.split(",", 2)[0].trim();
    String[] words = first.split("[ =]", 2);
    return Escapes.printable(Probe.utf8(words[0]), 40);
  }
}
