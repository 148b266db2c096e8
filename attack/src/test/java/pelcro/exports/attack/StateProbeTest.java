package pelcro.exports.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateProbeTest {
  private static StateProbe.State state(
      List<String> exports, long offset, List<String> deliveries) {
    return new StateProbe.State(Map.of("sk_test_enterprise", exports), offset, deliveries);
  }

  @Test
  void equalSnapshotsHaveNoDiff() {
    var a = state(List.of("u1 subscriptions 10 null null"), 0, List.of("d1 export.requested u1"));
    assertThat(
            a.diff(
                state(
                    List.of("u1 subscriptions 10 null null"),
                    0,
                    List.of("d1 export.requested u1"))))
        .isEmpty();
  }

  @Test
  void aNewExportAFailureAClockMoveAndANewDeliveryAreEachNamed() {
    var before = state(List.of("u1 subscriptions 10 null null"), 0, List.of());
    assertThat(
            state(
                    List.of("u1 subscriptions 10 null null", "u2 invoices 11 null null"),
                    0,
                    List.of())
                .diff(before))
        .contains("u2 invoices");
    assertThat(state(List.of("u1 subscriptions 10 null Disk full"), 0, List.of()).diff(before))
        .contains("Disk full");
    assertThat(state(List.of("u1 subscriptions 10 null null"), 60, List.of()).diff(before))
        .contains("clock offset 0 -> 60");
    assertThat(
            state(List.of("u1 subscriptions 10 null null"), 0, List.of("d9 export.downloaded u1"))
                .diff(before))
        .contains("export.downloaded");
  }

  @Test
  void theKeyInADiffIsMasked() {
    var before = state(List.of(), 0, List.of());
    assertThat(state(List.of("u1 x 1 null null"), 0, List.of()).diff(before))
        .contains("sk_test_…rise")
        .doesNotContain("sk_test_enterprise");
  }
}
