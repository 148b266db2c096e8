package pelcro.exports.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestGeneratorTest {
  private static final RequestGenerator.Setup SETUP =
      new RequestGenerator.Setup(
          List.of(new RequestGenerator.Account("sk_test_a", List.of(1001L, 1002L))),
          new RequestGenerator.Account("sk_test_b", List.of(3001L)),
          List.of("sk_try_x"),
          true,
          () -> Instant.parse("2026-06-15T12:00:00Z"));

  private static List<String> run(long seed, int n) {
    RequestGenerator generator = new RequestGenerator(seed, SETUP);
    return java.util.stream.IntStream.range(0, n)
        .mapToObj(i -> generator.next().reproduction("h"))
        .toList();
  }

  @Test
  void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
    assertThat(run(7, 300)).isEqualTo(run(7, 300));
    assertThat(run(8, 300)).isNotEqualTo(run(7, 300));
  }

  @Test
  void everyOperationAndControlCallIsGenerated() {
    RequestGenerator generator = new RequestGenerator(1, SETUP);
    Set<Probe.Op> seen = EnumSet.noneOf(Probe.Op.class);
    for (int i = 0; i < 3000; i++) {
      seen.add(generator.next().op());
    }
    assertThat(seen).containsExactlyInAnyOrder(Probe.Op.values());
  }

  @Test
  void mostRequestsAreMutatedAndSomeAreLeftValid() {
    RequestGenerator generator = new RequestGenerator(3, SETUP);
    long valid =
        java.util.stream.IntStream.range(0, 2000)
            .filter(i -> generator.next().mutation().equals("valid"))
            .count();
    assertThat(valid).isBetween(200L, 400L);
  }

  @Test
  void validBodiesCarryTheFieldsTheSpecRequires() throws Exception {
    ValidBodies bodies = new ValidBodies();
    var random = new java.util.SplittableRandom(5);
    for (String object : bodies.objects()) {
      var body = bodies.valid(object, random, Instant.parse("2026-06-15T12:00:00Z"), 1001);
      for (String field : bodies.required(object)) {
        assertThat(body.has(field)).as("%s has %s", object, field).isTrue();
      }
      body.fieldNames().forEachRemaining(f -> assertThat(bodies.fields(object)).contains(f));
    }
  }
}
