package pelcro.exports.attack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pelcro.exports.attack.Probe.Op;

/**
 * Seeded generator of hostile but well-formed requests across the three operations and the control
 * API: it builds a valid request, then (most of the time) applies one to three mutations to its
 * method, path, query, headers or body. The same seed and the same answers give the same requests.
 */
public final class RequestGenerator {
  private static final String API = "/api/v1/core/exports";
  private static final String CONTROL = "/__admin/sandbox";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A key and the sites it may use. */
  public record Account(String key, List<Long> sites) {}

  /** Who the generator speaks as, and what it may call. */
  public record Setup(
      List<Account> enterprise,
      Account basic,
      List<String> tryKeys,
      boolean control,
      Supplier<Instant> now) {}

  private final Dice dice;
  private final Mutations mutations;
  private final Setup setup;
  private final ValidBodies bodies = new ValidBodies();
  private final List<String> exports = new ArrayList<>();
  private final List<String> deliveries = new ArrayList<>();

  public RequestGenerator(long seed, Setup setup) {
    this.dice = new Dice(seed);
    this.setup = setup;
    this.mutations = new Mutations(dice, setup, bodies);
  }

  /** Exports the generator may name (download, complete, fail); the latest 200 are kept. */
  public void learnExports(List<String> uuids) {
    exports.clear();
    exports.addAll(uuids.subList(0, Math.min(200, uuids.size())));
  }

  /** Webhook deliveries the generator may redeliver; the latest 50 are kept. */
  public void learnDeliveries(List<String> ids) {
    deliveries.clear();
    deliveries.addAll(ids.subList(Math.max(0, ids.size() - 50), ids.size()));
  }

  /** The next request. */
  public Probe next() {
    Op op = pickOp();
    Draft d = base(op);
    if (dice.nextInt(100) < 15) {
      return d.build("valid");
    }
    int times = 1 + dice.nextInt(3);
    for (int i = 0; i < times; i++) {
      mutations.mutate(d);
    }
    return d.build(String.join(", ", d.notes));
  }

  private Op pickOp() {
    int roll = dice.nextInt(setup.control() ? 100 : 70);
    if (roll < 15) {
      return Op.LIST;
    }
    if (roll < 45) {
      return Op.REQUEST;
    }
    if (roll < 63) {
      return Op.DOWNLOAD;
    }
    if (roll < 70) {
      return Op.OTHER;
    }
    Op[] control = {
      Op.RESET,
      Op.CLOCK,
      Op.ADVANCE,
      Op.ADVANCE,
      Op.COMPLETE,
      Op.COMPLETE,
      Op.COMPLETE,
      Op.FAIL,
      Op.FAIL,
      Op.FAIL,
      Op.DELIVERIES,
      Op.REDELIVER
    };
    Op op = control[dice.nextInt(control.length)];
    // Resets wipe what the other calls need: keep them rare.
    return op == Op.RESET && dice.nextInt(10) > 0 ? Op.CLOCK : op;
  }

  private Draft base(Op op) {
    Account account = setup.enterprise().get(dice.nextInt(setup.enterprise().size()));
    long site = account.sites().get(dice.nextInt(account.sites().size()));
    Draft d =
        switch (op) {
          case LIST -> new Draft(op, "GET", API);
          case REQUEST -> new Draft(op, "POST", API);
          case DOWNLOAD -> new Draft(op, "GET", API + "/" + someExport());
          case RESET -> new Draft(op, "POST", CONTROL + "/reset");
          case CLOCK -> new Draft(op, "GET", CONTROL + "/clock");
          case ADVANCE -> new Draft(op, "POST", CONTROL + "/clock/advance");
          case COMPLETE ->
              new Draft(op, "POST", CONTROL + "/exports/" + someExport() + "/complete");
          case FAIL -> new Draft(op, "POST", CONTROL + "/exports/" + someExport() + "/fail");
          case DELIVERIES -> new Draft(op, "GET", CONTROL + "/webhooks/deliveries");
          case REDELIVER ->
              new Draft(
                  op, "POST", CONTROL + "/webhooks/deliveries/" + someDelivery() + "/redeliver");
          case OTHER ->
              new Draft(
                  op,
                  dice.pick("GET", "POST", "PUT", "DELETE"),
                  dice.pick(
                      "/",
                      "/api",
                      "/api/v1/core",
                      "/api/v1/core/export",
                      "/api/v2/core/exports",
                      "/docs/openapi.yaml",
                      "/__admin/sandbox",
                      "/__admin/sandbox/nope",
                      "/favicon.ico",
                      "/robots.txt",
                      "/.env",
                      "/__sandbox"));
        };
    if (op == Op.LIST || op == Op.REQUEST || op == Op.DOWNLOAD || op == Op.OTHER) {
      d.header("Authorization", "Bearer " + account.key());
      d.param("site_id", String.valueOf(site));
    }
    switch (op) {
      case LIST -> {
        if (dice.nextBoolean()) {
          d.param("limit", String.valueOf(1 + dice.nextInt(100)));
          d.param("page", String.valueOf(1 + dice.nextInt(3)));
        }
      }
      case REQUEST -> {
        String object = dice.pick(bodies.objects());
        d.json = bodies.valid(object, dice.random(), setup.now().get(), site);
        d.header("Content-Type", "application/json");
      }
      case ADVANCE -> {
        d.json = JSON.createObjectNode().put("seconds", dice.nextInt(1, 4000));
        d.header("Content-Type", "application/json");
      }
      case FAIL -> {
        d.json = JSON.createObjectNode().put("reason", "Disk full");
        d.header("Content-Type", "application/json");
      }
      default -> {}
    }
    return d;
  }

  private String someExport() {
    if (!exports.isEmpty() && dice.nextInt(10) < 8) {
      return exports.get(dice.nextInt(exports.size()));
    }
    return dice.uuid().toString();
  }

  private String someDelivery() {
    if (!deliveries.isEmpty() && dice.nextInt(10) < 8) {
      return deliveries.get(dice.nextInt(deliveries.size()));
    }
    return dice.uuid().toString();
  }
}
