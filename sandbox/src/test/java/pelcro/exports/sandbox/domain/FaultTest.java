package pelcro.exports.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultTest {

  private static Fault fault(Integer times, Double probability, Long seed) {
    return new Fault(
        "flt_1",
        FaultKind.OPERATION_ERROR,
        null,
        "listExports",
        times,
        probability,
        seed,
        Map.of("status", 503),
        0,
        0);
  }

  private static List<Boolean> strikes(Fault fault, int occasions) {
    List<Boolean> pattern = new ArrayList<>();
    for (int i = 0; i < occasions; i++) {
      Fault after = fault.weighedOnce();
      pattern.add(after.struckSince(fault));
      fault = after;
    }
    return pattern;
  }

  @Test
  void strikesTheNextNTimesAndThenNoMore() {
    assertThat(strikes(fault(2, null, null), 4)).containsExactly(true, true, false, false);
    assertThat(strikes(fault(null, null, null), 3)).containsOnly(true);
  }

  @Test
  void aSeededProbabilityGivesTheSameSequenceEveryTime() {
    List<Boolean> first = strikes(fault(null, 0.3, 7L), 200);
    assertThat(strikes(fault(null, 0.3, 7L), 200)).isEqualTo(first);
    assertThat(strikes(fault(null, 0.3, 8L), 200)).isNotEqualTo(first);
    long struck = first.stream().filter(b -> b).count();
    assertThat(struck).isBetween(40L, 80L);
  }

  @Test
  void aimsOnlyAtItsKindItsAccountAndItsTarget() {
    Fault forAccount =
        new Fault(
            "flt_2",
            FaultKind.EXPORT_FAILS_AT_START,
            1L,
            "orders",
            null,
            null,
            null,
            Map.of(),
            0,
            0);
    assertThat(forAccount.aimsAt(FaultKind.EXPORT_FAILS_AT_START, 1, "orders")).isTrue();
    assertThat(forAccount.aimsAt(FaultKind.EXPORT_FAILS_AT_START, 2, "orders")).isFalse();
    assertThat(forAccount.aimsAt(FaultKind.EXPORT_FAILS_AT_START, 1, "invoices")).isFalse();
    assertThat(forAccount.aimsAt(FaultKind.EXPORT_HELD, 1, "orders")).isFalse();
    Fault anyTarget =
        new Fault("flt_3", FaultKind.EXPORT_HELD, null, null, null, null, null, Map.of(), 0, 0);
    assertThat(anyTarget.aimsAt(FaultKind.EXPORT_HELD, 9, "invoices")).isTrue();
  }
}
