package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Many hostile requests at once: worker threads, each speaking from attacker addresses in turn,
 * send a mix of garbage cases (15 %), damaged bytes (10 %) and generated requests on keep-alive
 * connections (75 %), judge every answer, and remember every export a 2xx answer created (so that a
 * state check can tell those from exports nobody was told about).
 */
public final class BulkAttack {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InetSocketAddress server;
  private final List<RawScript> cases;
  private final IntFunction<RequestGenerator> generators;
  private final List<InetAddress> addresses;
  private final Tally tally;
  private final long seed;
  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicInteger nextCase = new AtomicInteger();

  /**
   * @param generators the request generator of worker {@code i} (each with its own seed)
   * @param addresses the attacker source addresses the workers rotate through
   */
  public BulkAttack(
      InetSocketAddress server,
      List<RawScript> cases,
      IntFunction<RequestGenerator> generators,
      List<InetAddress> addresses,
      long seed,
      Tally tally) {
    this.server = server;
    this.cases = List.copyOf(cases);
    this.generators = generators;
    this.addresses = List.copyOf(addresses);
    this.seed = seed;
    this.tally = tally;
  }

  /** Sends {@code total} requests from {@code workers} threads, or stops at the deadline. */
  public void run(long total, int workers, long deadlineNanos) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      int worker = w;
      Thread t = new Thread(() -> work(worker, workers, total, deadlineNanos), "attacker-" + w);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Exports that 2xx answers reported as created. */
  public Set<String> created() {
    return created;
  }

  private void work(int worker, int workers, long total, long deadline) {
    RequestGenerator generator = generators.apply(worker);
    ByteMutator mutator = new ByteMutator(seed * 31 + worker);
    SplittableRandom random = new SplittableRandom(seed * 17 + worker);
    RawClient raw = new RawClient(server, 10_000, 1 << 16);
    String host = server.getHostString() + ":" + server.getPort();
    int slot = worker % addresses.size();
    WireConnection wire = new WireConnection(server, addresses.get(slot), 10_000, 1 << 16);
    List<String> mine = new ArrayList<>();
    long n = 0;
    while (sent.incrementAndGet() <= total && System.nanoTime() < deadline) {
      if (++n % 500 == 0) {
        // Move to the next address: the server sees many clients, each of them busy.
        wire.close();
        slot = (slot + workers) % addresses.size();
        wire = new WireConnection(server, addresses.get(slot), 10_000, 1 << 16);
      }
      InetAddress from = addresses.get(slot);
      int roll = random.nextInt(100);
      if (roll < 15) {
        RawScript script = cases.get(Math.floorMod(nextCase.getAndIncrement(), cases.size()));
        Answer answer = raw.run(script, from);
        tally.record(
            script.name(),
            script::reproduction,
            answer,
            Rules.check(script.method(), script.path(), answer, script.mustAnswer()));
        continue;
      }
      Probe p = generator.next();
      String name = p.op() + " / " + FuzzSession.kind(p.mutation());
      if (roll < 25) {
        RawScript script = mutator.mutate("damaged " + name, p.bytes(host), p.method(), p.path());
        Answer answer = raw.run(script, from);
        tally.record(
            script.name(),
            script::reproduction,
            answer,
            Rules.check(p.method(), p.path(), answer, false));
        remember(createdExport(answer), mine, generator);
        continue;
      }
      Answer answer = wire.send(p);
      tally.record(
          name,
          () -> p.reproduction(host),
          answer,
          Rules.check(p.method(), p.path(), answer, p.owesAnswer()));
      remember(createdExport(answer), mine, generator);
    }
    wire.close();
  }

  private void remember(String uuid, List<String> mine, RequestGenerator generator) {
    if (uuid != null) {
      created.add(uuid);
      mine.add(0, uuid);
      if (mine.size() > 100) {
        mine.remove(mine.size() - 1);
      }
      generator.learnExports(mine);
    }
  }

  /**
   * The uuid of the export a 2xx answer reports as created ({@code {"data": <export>}}), or null:
   * whatever the request looked like, damaged bytes included.
   */
  private static String createdExport(Answer answer) {
    if (!answer.answered()
        || answer.status() / 100 != 2
        || !answer.mediaType().equals("application/json")) {
      return null;
    }
    try {
      JsonNode data = JSON.readTree(answer.body()).path("data");
      return data.path("uuid").isTextual() && data.has("created_at")
          ? data.path("uuid").asText()
          : null;
    } catch (IOException e) {
      return null;
    }
  }
}
