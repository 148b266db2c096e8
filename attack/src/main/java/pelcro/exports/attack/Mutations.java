package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import pelcro.exports.attack.Probe.Header;

/**
 * The mutations of {@link RequestGenerator}: of the method, the path, the query, the headers (keys,
 * content types, CORS, forwarding, encodings) and the body (fields, values, date ranges, months,
 * and damage to the JSON bytes), each drawn from the seeded dice.
 */
final class Mutations {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dice dice;
  private final RequestGenerator.Setup setup;
  private final ValidBodies bodies;

  Mutations(Dice dice, RequestGenerator.Setup setup, ValidBodies bodies) {
    this.dice = dice;
    this.setup = setup;
    this.bodies = bodies;
  }

  /** One mutation of one part of the request, noted in {@code d.notes}. */
  void mutate(Draft d) {
    int roll = dice.nextInt(100);
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
    d.method =
        dice.pick(
            "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get",
            "CONNECT");
    d.notes.add("method " + d.method);
    if (d.method.equals("OPTIONS") && dice.nextBoolean()) {
      d.header(
          "Origin", dice.pick("https://docs.example.com", "https://evil.example", "null", "*"));
      d.header("Access-Control-Request-Method", dice.pick("POST", "GET", "DELETE", "X"));
      d.header(
          "Access-Control-Request-Headers", dice.pick("authorization", "content-type, x-evil", ""));
      d.notes.add("preflight");
    }
  }

  private void mutatePath(Draft d) {
    String id =
        dice.pick(
            dice.uuid().toString(),
            dice.uuid().toString().toUpperCase(),
            dice.uuid().toString().replace("-", ""),
            "null",
            "undefined",
            "0",
            "-1",
            "%2e%2e",
            "..%2f..%2f__admin",
            "%00",
            "%ff%fe",
            "a".repeat(1000),
            "{uuid}",
            "%7Buuid%7D",
            "1ee305f2-93c1-61be-96fd-0242ac11000",
            "' OR '1'='1",
            "%C0%AE%C0%AE",
            "x;y=z");
    String before = d.path;
    switch (dice.nextInt(7)) {
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
    String value =
        dice.pick(
            "",
            "abc",
            "-1",
            "0",
            "1001.0",
            "1e3",
            "99999999999999999999",
            "2001",
            "3001",
            "%201001",
            "1001%20",
            "+1001",
            "0x3e9",
            "%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%91",
            "%zz",
            "%ff",
            "1001%00",
            "null",
            "[1001]",
            "1001,1002",
            "9".repeat(5000));
    switch (dice.nextInt(6)) {
      case 0 -> {
        d.query.removeIf(p -> p[0].equals("site_id"));
        d.notes.add("no site_id");
      }
      case 1 -> {
        d.param("site_id", value);
        d.notes.add("site_id=" + cut(value));
      }
      case 2 -> {
        d.query.add(new String[] {"site_id", dice.pick("1001", "2001", "3001", "1002")});
        d.notes.add("site_id twice");
      }
      case 3 -> {
        d.param(dice.pick("page", "limit"), value);
        d.notes.add("page/limit=" + cut(value));
      }
      case 4 -> {
        d.query.add(
            new String[] {
              dice.pick("site_id[]", "x", "%", "=", "a".repeat(2000), "__proto__"),
              dice.pick(null, "1", "%zz", "x".repeat(8000))
            });
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
    switch (dice.nextInt(9)) {
      case 0 -> {
        d.headers.removeIf(h -> h.name().equals("Authorization"));
        d.notes.add("no key");
      }
      case 1 -> {
        String auth =
            dice.pick(
                "Bearer",
                "Bearer ",
                "bearer " + setup.enterprise().get(0).key(),
                "Basic " + Base64.getEncoder().encodeToString("sk_test_enterprise:".getBytes()),
                "Bearer " + setup.enterprise().get(0).key() + " extra",
                "Bearer sk_test_nope",
                "Bearer " + setup.basic().key(),
                "Bearer sk_try_" + "a".repeat(65),
                "Bearer sk_try_",
                "Bearer sk_try_bad!chars",
                "Bearer " + "k".repeat(10_000),
                "Token x",
                "Bearer \"\"",
                "Bearer sk_try_" + Long.toHexString(dice.nextLong()),
                "Bearer " + (setup.tryKeys().isEmpty() ? "sk_try_x" : dice.pick(setup.tryKeys())));
        d.header("Authorization", auth);
        d.notes.add("Authorization " + cut(auth));
      }
      case 2 -> {
        String type =
            dice.pick(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=zz",
                "application/json; charset=utf-16",
                "application/json; charset=x-bogus",
                "application/xml",
                "",
                "*/*",
                "application/json;;;");
        d.header("Content-Type", type);
        d.notes.add("Content-Type " + type);
      }
      case 3 -> {
        d.header("Accept", dice.pick("text/html", "application/xml", "*/*;q=0", "image/png"));
        d.header("Accept-Encoding", dice.pick("gzip", "br", "identity;q=0", "*"));
        d.notes.add("Accept");
      }
      case 4 -> {
        d.header(
            "Origin",
            dice.pick("https://evil.example", "null", "https://docs.example.com", "file://"));
        d.notes.add("Origin");
      }
      case 5 -> {
        for (int i = 0; i < 100; i++) {
          d.headers.add(new Header("X-Junk-" + i, "v".repeat(dice.nextInt(100))));
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
        d.header("Content-Encoding", dice.pick("gzip", "deflate", "br", "identity", "x"));
        d.notes.add("Content-Encoding");
      }
      default -> {
        d.header("Cookie", "session=" + "c".repeat(dice.nextInt(4000)));
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
    if (dice.nextInt(4) == 0) {
      byte[] text = Probe.utf8(d.json.toString());
      d.json = null;
      d.body = rawBody(text);
      return;
    }
    List<String> fields = new ArrayList<>();
    d.json.fieldNames().forEachRemaining(fields::add);
    String field = fields.isEmpty() ? "object" : dice.pick(fields);
    switch (dice.nextInt(6)) {
      case 0 -> {
        d.json.remove(field);
        d.notes.add("body without " + field);
      }
      case 1 -> {
        String name =
            dice.pick(
                "zzz",
                "site_id",
                "status",
                "__proto__",
                "constructor",
                "",
                "object ",
                "date_from",
                "seconds",
                "reason");
        d.json.set(name, oddValue());
        d.notes.add("body field " + name);
      }
      case 2 -> {
        d.json.set(field, oddValue());
        d.notes.add("body " + field + " odd value");
      }
      case 3 -> {
        String object =
            dice.pick(
                dice.pick(bodies.objects()),
                "SUBSCRIPTIONS",
                "credit_note",
                "",
                "nope",
                "accounting ",
                "subscriptions\u0000",
                "ｓｕｂｓｃｒｉｐｔｉｏｎｓ");
        d.json.put("object", object);
        d.notes.add("object " + object);
      }
      case 4 -> {
        long now = setup.now().get().getEpochSecond();
        long from =
            dice.pick(
                new Long[] {
                  0L,
                  -1L,
                  now,
                  now + 86_400L * 400,
                  now - 86_400L * 200,
                  253402300799L,
                  253402300800L,
                  Long.MAX_VALUE
                });
        long to = dice.pick(new Long[] {from - 1, from, from + 86_400L * 190, Long.MIN_VALUE, now});
        d.json.put("date_from", from);
        d.json.put("date_to", to);
        d.notes.add("range " + from + ".." + to);
      }
      default -> {
        String month =
            dice.pick(
                "2024-13-01",
                "2024-02-30",
                "2024-1-1",
                "",
                "0000-01-01",
                "9999-12-01",
                "2024-01",
                "01/2024",
                "2024-01-01T00:00:00Z");
        d.json.put("month", month);
        d.json.put("currency", dice.pick("USD", "us", "usdd", "\u20ac\u20ac\u20ac", "", "usd"));
        d.notes.add("month " + month);
      }
    }
  }

  private JsonNode oddValue() {
    return switch (dice.nextInt(14)) {
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
      case 11 ->
          JSON.getNodeFactory().textNode("' OR 1=1 -- <script>alert(1)</script> ${jndi:ldap://x}");
      case 12 -> JSON.getNodeFactory().textNode("1704067200");
      default -> JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(60)));
    };
  }

  /** Byte-level damage to a JSON body. */
  private byte[] rawBody(byte[] text) {
    return switch (dice.nextInt(10)) {
      case 0 -> java.util.Arrays.copyOf(text, dice.nextInt(Math.max(1, text.length)));
      case 1 -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, text);
      case 2 -> concat(text, new byte[] {(byte) 0xff, (byte) 0xc3, 0x28});
      case 3 -> concat(text, Probe.utf8(" trailing"));
      case 4 -> Probe.utf8("{\"object\":\"subscriptions\",\"object\":\"accounting\"}");
      case 5 -> Probe.utf8("[".repeat(20_000) + "]".repeat(20_000));
      case 6 -> Probe.utf8(dice.pick("[]", "\"subscriptions\"", "42", "null", "true", " ", "{}{}"));
      case 7 -> new byte[] {0, 0, 0, 0};
      case 8 -> new byte[1024 * 1024 + 1];
      default ->
          concat(Probe.utf8("{\"object\":\""), new byte[] {(byte) 0xc0, (byte) 0xaf, '"', '}'});
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
  }
}
