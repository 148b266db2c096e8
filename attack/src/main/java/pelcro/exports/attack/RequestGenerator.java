package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import pelcro.exports.attack.Probe.Header;
import pelcro.exports.attack.Probe.Op;

/**
 * Seeded generator of hostile but well-formed requests across the three operations and the
 * control API: it builds a valid request, then (most of the time) applies one to three
 * mutations to its method, path, query, headers or body. The same seed and the same answers
 * give the same requests.
 */
public final class RequestGenerator {
  private static final String API = "/api/v1/core/exports";
  private static final String CONTROL = "/__admin/sandbox";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A key and the sites it may use. */
  public record Account(String key, List<Long> sites) {}

  /** Who the generator speaks as, and what it may call. */
  public record Setup(List<Account> enterprise, Account basic, List<String> tryKeys,
      boolean control, Supplier<Instant> now) {}

  private final SplittableRandom random;
  private final Setup setup;
  private final ValidBodies bodies = new ValidBodies();
  private final List<String> exports = new ArrayList<>();
  private final List<String> deliveries = new ArrayList<>();

  public RequestGenerator(long seed, Setup setup) {
    this.random = new SplittableRandom(seed);
    this.setup = setup;
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
    if (random.nextInt(100) < 15) {
      return d.build("valid");
    }
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      mutate(d);
    }
    return d.build(String.join(", ", d.notes));
  }

  private Op pickOp() {
    int roll = random.nextInt(setup.control() ? 100 : 70);
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
    Op[] control = {Op.RESET, Op.CLOCK, Op.ADVANCE, Op.ADVANCE, Op.COMPLETE, Op.COMPLETE,
        Op.COMPLETE, Op.FAIL, Op.FAIL, Op.FAIL, Op.DELIVERIES, Op.REDELIVER};
    Op op = control[random.nextInt(control.length)];
    // Resets wipe what the other calls need: keep them rare.
    return op == Op.RESET && random.nextInt(10) > 0 ? Op.CLOCK : op;
  }

  /** A request being built: mutable until {@link #build}. */
  private final class Draft {
    final Op op;
    String method;
    String path;
    final List<String[]> query = new ArrayList<>();
    final List<Header> headers = new ArrayList<>();
    byte[] body = new byte[0];
    ObjectNode json;
    final List<String> notes = new ArrayList<>();

    Draft(Op op, String method, String path) {
      this.op = op;
      this.method = method;
      this.path = path;
    }

    Probe build(String mutation) {
      if (json != null) {
        body = Probe.utf8(json.toString());
      }
      StringBuilder target = new StringBuilder(path);
      for (int i = 0; i < query.size(); i++) {
        target.append(i == 0 ? '?' : '&').append(query.get(i)[0]);
        if (query.get(i)[1] != null) {
          target.append('=').append(query.get(i)[1]);
        }
      }
      return new Probe(op, method, target.toString(), headers, body, mutation);
    }

    void header(String name, String value) {
      headers.removeIf(h -> h.name().equalsIgnoreCase(name));
      headers.add(new Header(name, value));
    }

    void param(String name, String value) {
      query.removeIf(p -> p[0].equals(name));
      query.add(new String[] {name, value});
    }
  }

  private Draft base(Op op) {
    Account account = setup.enterprise().get(random.nextInt(setup.enterprise().size()));
    long site = account.sites().get(random.nextInt(account.sites().size()));
    Draft d = switch (op) {
      case LIST -> new Draft(op, "GET", API);
      case REQUEST -> new Draft(op, "POST", API);
      case DOWNLOAD -> new Draft(op, "GET", API + "/" + someExport());
      case RESET -> new Draft(op, "POST", CONTROL + "/reset");
      case CLOCK -> new Draft(op, "GET", CONTROL + "/clock");
      case ADVANCE -> new Draft(op, "POST", CONTROL + "/clock/advance");
      case COMPLETE -> new Draft(op, "POST", CONTROL + "/exports/" + someExport() + "/complete");
      case FAIL -> new Draft(op, "POST", CONTROL + "/exports/" + someExport() + "/fail");
      case DELIVERIES -> new Draft(op, "GET", CONTROL + "/webhooks/deliveries");
      case REDELIVER -> new Draft(op, "POST", CONTROL + "/webhooks/deliveries/" + someDelivery() + "/redeliver");
      case OTHER -> new Draft(op, pick("GET", "POST", "PUT", "DELETE"), pick("/", "/api", "/api/v1/core",
          "/api/v1/core/export", "/api/v2/core/exports", "/docs/openapi.yaml", "/__admin/sandbox",
          "/__admin/sandbox/nope", "/favicon.ico", "/robots.txt", "/.env", "/__sandbox"));
    };
    if (op == Op.LIST || op == Op.REQUEST || op == Op.DOWNLOAD || op == Op.OTHER) {
      d.header("Authorization", "Bearer " + account.key());
      d.param("site_id", String.valueOf(site));
    }
    switch (op) {
      case LIST -> {
        if (random.nextBoolean()) {
          d.param("limit", String.valueOf(1 + random.nextInt(100)));
          d.param("page", String.valueOf(1 + random.nextInt(3)));
        }
      }
      case REQUEST -> {
        String object = pick(bodies.objects());
        d.json = bodies.valid(object, random, setup.now().get(), site);
        d.header("Content-Type", "application/json");
      }
      case ADVANCE -> {
        d.json = JSON.createObjectNode().put("seconds", random.nextInt(1, 4000));
        d.header("Content-Type", "application/json");
      }
      case FAIL -> {
        d.json = JSON.createObjectNode().put("reason", "Disk full");
        d.header("Content-Type", "application/json");
      }
      default -> { }
    }
    return d;
  }

  private void mutate(Draft d) {
    int roll = random.nextInt(100);
    if (roll < 10) {
      mutateMethod(d);
    } else if (roll < 25) {
      mutatePath(d);
    } else if (roll < 45) {
      mutateQuery(d);
    } else if (roll < 65) {
      mutateHeaders(d);
    } else {
      mutateBody(d);
    }
  }

  private void mutateMethod(Draft d) {
    d.method = pick("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO",
        "get", "CONNECT");
    d.notes.add("method " + d.method);
    if (d.method.equals("OPTIONS") && random.nextBoolean()) {
      d.header("Origin", pick("https://docs.example.com", "https://evil.example", "null", "*"));
      d.header("Access-Control-Request-Method", pick("POST", "GET", "DELETE", "X"));
      d.header("Access-Control-Request-Headers", pick("authorization", "content-type, x-evil", ""));
      d.notes.add("preflight");
    }
  }

  private void mutatePath(Draft d) {
    String id = pick(randomUuid().toString(), randomUuid().toString().toUpperCase(),
        randomUuid().toString().replace("-", ""), "null", "undefined", "0", "-1",
        "%2e%2e", "..%2f..%2f__admin", "%00", "%ff%fe", "a".repeat(1000), "{uuid}", "%7Buuid%7D",
        "1ee305f2-93c1-61be-96fd-0242ac11000", "' OR '1'='1", "%C0%AE%C0%AE", "x;y=z");
    String before = d.path;
    switch (random.nextInt(7)) {
      case 0 -> d.path = d.path + "/";
      case 1 -> d.path = d.path.replace("/exports", "//exports");
      case 2 -> d.path = d.path.toUpperCase();
      case 3 -> d.path = d.path + "/" + id;
      case 4 -> d.path = d.path.replaceAll("/[0-9a-f-]{36}", "/" + id);
      case 5 -> d.path = d.path + ";jsessionid=" + id;
      default -> d.path = d.path.replaceFirst("/exports", "/exports/" + id + "/..");
    }
    d.notes.add("path " + before + " -> " + d.path);
  }

  private void mutateQuery(Draft d) {
    String value = pick("", "abc", "-1", "0", "1001.0", "1e3", "99999999999999999999", "2001",
        "3001", "%201001", "1001%20", "+1001", "0x3e9", "%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%91",
        "%zz", "%ff", "1001%00", "null", "[1001]", "1001,1002", "9".repeat(5000));
    switch (random.nextInt(6)) {
      case 0 -> {
        d.query.removeIf(p -> p[0].equals("site_id"));
        d.notes.add("no site_id");
      }
      case 1 -> {
        d.param("site_id", value);
        d.notes.add("site_id=" + cut(value));
      }
      case 2 -> {
        d.query.add(new String[] {"site_id", pick("1001", "2001", "3001", "1002")});
        d.notes.add("site_id twice");
      }
      case 3 -> {
        d.param(pick("page", "limit"), value);
        d.notes.add("page/limit=" + cut(value));
      }
      case 4 -> {
        d.query.add(new String[] {pick("site_id[]", "x", "%", "=", "a".repeat(2000), "__proto__"),
            pick(null, "1", "%zz", "x".repeat(8000))});
        d.notes.add("odd parameter");
      }
      default -> {
        for (int i = 0; i < 500; i++) {
          d.query.add(new String[] {"p" + i, "v"});
        }
        d.notes.add("parameters x500");
      }
    }
  }

  private void mutateHeaders(Draft d) {
    switch (random.nextInt(9)) {
      case 0 -> {
        d.headers.removeIf(h -> h.name().equals("Authorization"));
        d.notes.add("no key");
      }
      case 1 -> {
        String auth = pick("Bearer", "Bearer ", "bearer " + setup.enterprise().get(0).key(),
            "Basic " + Base64.getEncoder().encodeToString("sk_test_enterprise:".getBytes()),
            "Bearer " + setup.enterprise().get(0).key() + " extra", "Bearer sk_test_nope",
            "Bearer " + setup.basic().key(), "Bearer sk_try_" + "a".repeat(65), "Bearer sk_try_",
            "Bearer sk_try_bad!chars", "Bearer " + "k".repeat(10_000), "Token x", "Bearer \"\"",
            "Bearer sk_try_" + Long.toHexString(random.nextLong()),
            "Bearer " + (setup.tryKeys().isEmpty() ? "sk_try_x" : pick(setup.tryKeys())));
        d.header("Authorization", auth);
        d.notes.add("Authorization " + cut(auth));
      }
      case 2 -> {
        String type = pick("text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=zz", "application/json; charset=utf-16",
            "application/json; charset=x-bogus", "application/xml", "", "*/*", "application/json;;;");
        d.header("Content-Type", type);
        d.notes.add("Content-Type " + type);
      }
      case 3 -> {
        d.header("Accept", pick("text/html", "application/xml", "*/*;q=0", "image/png"));
        d.header("Accept-Encoding", pick("gzip", "br", "identity;q=0", "*"));
        d.notes.add("Accept");
      }
      case 4 -> {
        d.header("Origin", pick("https://evil.example", "null", "https://docs.example.com", "file://"));
        d.notes.add("Origin");
      }
      case 5 -> {
        for (int i = 0; i < 100; i++) {
          d.headers.add(new Header("X-Junk-" + i, "v".repeat(random.nextInt(100))));
        }
        d.notes.add("100 headers");
      }
      case 6 -> {
        d.header("X-Forwarded-For", "1.2.3.4, evil");
        d.header("X-Forwarded-Host", "evil.example");
        d.header("Forwarded", "for=1.2.3.4;host=evil.example;proto=https");
        d.notes.add("forwarding headers");
      }
      case 7 -> {
        d.header("Content-Encoding", pick("gzip", "deflate", "br", "identity", "x"));
        d.notes.add("Content-Encoding");
      }
      default -> {
        d.header("Cookie", "session=" + "c".repeat(random.nextInt(4000)));
        d.header("User-Agent", "\u00e9v\u00efl");
        d.notes.add("cookie, non-ASCII User-Agent");
      }
    }
  }

  private void mutateBody(Draft d) {
    if (d.json == null) {
      d.json = JSON.createObjectNode();
      d.header("Content-Type", "application/json");
    }
    if (random.nextInt(4) == 0) {
      byte[] text = Probe.utf8(d.json.toString());
      d.json = null;
      d.body = rawBody(text);
      return;
    }
    List<String> fields = new ArrayList<>();
    d.json.fieldNames().forEachRemaining(fields::add);
    String field = fields.isEmpty() ? "object" : pick(fields);
    switch (random.nextInt(6)) {
      case 0 -> {
        d.json.remove(field);
        d.notes.add("body without " + field);
      }
      case 1 -> {
        String name = pick("zzz", "site_id", "status", "__proto__", "constructor", "", "object ",
            "date_from", "seconds", "reason");
        d.json.set(name, oddValue());
        d.notes.add("body field " + name);
      }
      case 2 -> {
        d.json.set(field, oddValue());
        d.notes.add("body " + field + " odd value");
      }
      case 3 -> {
        String object = pick(pick(bodies.objects()), "SUBSCRIPTIONS", "credit_note", "", "nope",
            "accounting ", "subscriptions\u0000", "ｓｕｂｓｃｒｉｐｔｉｏｎｓ");
        d.json.put("object", object);
        d.notes.add("object " + object);
      }
      case 4 -> {
        long now = setup.now().get().getEpochSecond();
        long from = pick(new Long[] {0L, -1L, now, now + 86_400L * 400, now - 86_400L * 200,
            253402300799L, 253402300800L, Long.MAX_VALUE});
        long to = pick(new Long[] {from - 1, from, from + 86_400L * 190, Long.MIN_VALUE, now});
        d.json.put("date_from", from);
        d.json.put("date_to", to);
        d.notes.add("range " + from + ".." + to);
      }
      default -> {
        String month = pick("2024-13-01", "2024-02-30", "2024-1-1", "", "0000-01-01", "9999-12-01",
            "2024-01", "01/2024", "2024-01-01T00:00:00Z");
        d.json.put("month", month);
        d.json.put("currency", pick("USD", "us", "usdd", "\u20ac\u20ac\u20ac", "", "usd"));
        d.notes.add("month " + month);
      }
    }
  }

  private JsonNode oddValue() {
    return switch (random.nextInt(14)) {
      case 0 -> JSON.getNodeFactory().nullNode();
      case 1 -> JSON.getNodeFactory().textNode("");
      case 2 -> JSON.getNodeFactory().textNode("x".repeat(10_000));
      case 3 -> JSON.getNodeFactory().numberNode(-1);
      case 4 -> JSON.getNodeFactory().numberNode(Long.MAX_VALUE);
      case 5 -> JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400"));
      case 6 -> JSON.getNodeFactory().numberNode(1.5);
      case 7 -> JSON.getNodeFactory().booleanNode(true);
      case 8 -> JSON.createArrayNode().add(1).add("a");
      case 9 -> JSON.createObjectNode().put("$gt", "");
      case 10 -> JSON.getNodeFactory().textNode("\ud800");
      case 11 -> JSON.getNodeFactory().textNode("' OR 1=1 -- <script>alert(1)</script> ${jndi:ldap://x}");
      case 12 -> JSON.getNodeFactory().textNode("1704067200");
      default -> JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(60)));
    };
  }

  /** Byte-level damage to a JSON body. */
  private byte[] rawBody(byte[] text) {
    return switch (random.nextInt(10)) {
      case 0 -> java.util.Arrays.copyOf(text, random.nextInt(Math.max(1, text.length)));
      case 1 -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text);
      case 2 -> concat(text, new byte[] {(byte) 0xff, (byte) 0xc3, 0x28});
      case 3 -> concat(text, Probe.utf8(" trailing"));
      case 4 -> Probe.utf8("{\"object\":\"subscriptions\",\"object\":\"accounting\"}");
      case 5 -> Probe.utf8("[".repeat(20_000) + "]".repeat(20_000));
      case 6 -> Probe.utf8(pick("[]", "\"subscriptions\"", "42", "null", "true", " ", "{}{}"));
      case 7 -> new byte[] {0, 0, 0, 0};
      case 8 -> new byte[1024 * 1024 + 1];
      default -> concat(Probe.utf8("{\"object\":\""), new byte[] {(byte) 0xc0, (byte) 0xaf, '"', '}'});
    };
  }

  private String someExport() {
    if (!exports.isEmpty() && random.nextInt(10) < 8) {
      return exports.get(random.nextInt(exports.size()));
    }
    return randomUuid().toString();
  }

  private String someDelivery() {
    if (!deliveries.isEmpty() && random.nextInt(10) < 8) {
      return deliveries.get(random.nextInt(deliveries.size()));
    }
    return randomUuid().toString();
  }

  /** A version-4 uuid from the seeded random, so that a seed repeats the same ids. */
  private UUID randomUuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
