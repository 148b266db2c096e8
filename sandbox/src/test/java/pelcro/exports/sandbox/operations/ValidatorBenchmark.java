package pelcro.exports.sandbox.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Prints the CPU time and the bytes allocated per call of the request-body validator, the
 * current one (networknt) beside the previous one (Atlassian's, {@link
 * AtlassianRequestBodyValidator}), per body and over the mix of all of them.
 *
 * <p>The bodies are the three POSTs of {@code bin/benchmark-api} (a valid one, one without
 * {@code date_to}, one with a filter) and three more that the sandbox meets: ISO dates with a
 * numeric-string id, the accounting month, and several wrong fields at once.
 *
 * <p>Not a test: run it by hand, from the repository's root, after a build of the test classes:
 *
 * <pre>
 * mvn -B -ntp -q -o -pl sandbox -am test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
 * java -cp sandbox/target/test-classes:sandbox/target/classes:$(cat sandbox/target/test.classpath) \
 *     pelcro.exports.sandbox.operations.ValidatorBenchmark [seconds per figure, default 3] [strict]
 * </pre>
 *
 * <p>Each figure is one thread's CPU time and allocation ({@code com.sun.management.ThreadMXBean})
 * over a fixed time after a warm-up of half that time.
 */
public final class ValidatorBenchmark {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** Where the answers go, so that the JIT cannot drop the calls. */
  private static volatile int sink;

  private ValidatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    boolean strict = args.length > 1 && Boolean.parseBoolean(args[1]);
    Map<String, Function<JsonNode, Object>> validators = new LinkedHashMap<>();
    validators.put("atlassian (before)", new AtlassianRequestBodyValidator(strict)::validate);
    validators.put("networknt (after)", new RequestBodyValidator(strict)::validate);
    Map<String, List<JsonNode>> rows = new LinkedHashMap<>();
    List<JsonNode> mix = new ArrayList<>();
    bodies().forEach((name, body) -> {
      rows.put(name, List.of(body));
      mix.add(body);
    });
    rows.put("mix of all " + mix.size(), mix);

    System.out.printf("request-body validation, strict=%s, %.1f s per figure, one thread%n", strict, seconds);
    System.out.printf("%-34s %-20s %10s %12s %12s%n", "body", "validator", "ns/call", "bytes/call", "calls");
    for (Map.Entry<String, List<JsonNode>> row : rows.entrySet()) {
      for (Map.Entry<String, Function<JsonNode, Object>> validator : validators.entrySet()) {
        measure(validator.getValue(), row.getValue(), seconds / 2); // warm-up, not printed
        long[] figures = measure(validator.getValue(), row.getValue(), seconds);
        System.out.printf("%-34s %-20s %,10d %,12d %,12d%n", row.getKey(), validator.getKey(),
            figures[0] / figures[2], figures[1] / figures[2], figures[2]);
      }
    }
  }

  private static Map<String, JsonNode> bodies() throws Exception {
    long now = Instant.now().getEpochSecond();
    long from = now - Duration.ofDays(30).toSeconds();
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> bodies = new LinkedHashMap<>();
    bodies.put("valid subscriptions", json.readTree(
        "{\"object\":\"subscriptions\",\"date_from\":" + from + ",\"date_to\":" + now + "}"));
    bodies.put("invoices without date_to", json.readTree(
        "{\"object\":\"invoices\",\"date_from\":" + from + "}"));
    bodies.put("newsletters with email", json.readTree("{\"object\":\"newsletters\",\"date_from\":"
        + from + ",\"date_to\":" + now + ",\"email\":\"nobody@example.invalid\"}"));
    bodies.put("orders, ISO dates, \"789\"", json.readTree("{\"object\":\"orders\","
        + "\"date_from\":\"2024-01-01T00:00:00Z\",\"date_to\":\"2024-03-01\",\"product_id\":\"789\"}"));
    bodies.put("accounting month", json.readTree(
        "{\"object\":\"accounting\",\"month\":\"2024-01-01\",\"currency\":\"usd\"}"));
    bodies.put("payments, five wrong fields", json.readTree("{\"object\":\"payments\",\"date_from\":-1,"
        + "\"date_to\":\"soon\",\"status\":\"done\",\"currency\":\"USD\",\"site_id\":0}"));
    return bodies;
  }

  /** CPU nanoseconds, allocated bytes and calls of validating the bodies in turn for {@code seconds}. */
  private static long[] measure(Function<JsonNode, Object> validator, List<JsonNode> bodies, double seconds) {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    long calls = 0;
    int answers = 0;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < 20; i++) {
        for (JsonNode body : bodies) {
          try {
            answers += validator.apply(body).hashCode();
          } catch (ApiException refused) {
            answers += refused.fieldErrors().hashCode();
          }
        }
      }
      calls += 20L * bodies.size();
    }
    sink = answers;
    return new long[] {THREADS.getCurrentThreadCpuTime() - cpu,
        THREADS.getCurrentThreadAllocatedBytes() - bytes, calls};
  }
}
