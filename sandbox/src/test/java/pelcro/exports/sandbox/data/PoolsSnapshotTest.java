package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.SandboxOptions;

/** The pools the build ships in the jar are the ones Datafaker draws for their seed. */
class PoolsSnapshotTest {

  @Test
  void theShippedPoolsAreDatafakersPoolsOfTheDefaultSeed() {
    Pools shipped = PoolsSnapshot.read(PoolsSnapshot.SHIPPED_SEED);
    Pools drawn = Pools.drawn(PoolsSnapshot.SHIPPED_SEED);

    assertThat(shipped).as("the build writes the snapshot (process-classes)").isNotNull();
    assertSame(shipped, drawn);
  }

  @Test
  void theShippedSeedIsTheSandboxsDefaultSeed() {
    assertThat(PoolsSnapshot.SHIPPED_SEED).isEqualTo(SandboxOptions.SEED.defaultValue());
  }

  @Test
  void aSeedWithoutASnapshotIsDrawnFromDatafaker() {
    assertThat(PoolsSnapshot.read(7)).isNull();
    assertSame(Pools.of(7), Pools.drawn(7));
  }

  @Test
  void writtenPoolsReadBackUnchanged() throws IOException {
    Pools drawn = Pools.drawn(3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    drawn.write(bytes);

    assertSame(Pools.read(new ByteArrayInputStream(bytes.toByteArray())), drawn);
  }

  private static void assertSame(Pools actual, Pools expected) {
    assertThat(actual.firstNames).containsExactly(expected.firstNames);
    assertThat(actual.lastNames).containsExactly(expected.lastNames);
    assertThat(actual.firstSlugs).containsExactly(expected.firstSlugs);
    assertThat(actual.lastSlugs).containsExactly(expected.lastSlugs);
    assertThat(actual.domains).containsExactly(expected.domains);
    assertThat(actual.phones).containsExactly(expected.phones);
    assertThat(actual.companies).containsExactly(expected.companies);
    assertThat(actual.industries).containsExactly(expected.industries);
    assertThat(actual.streets).containsExactly(expected.streets);
    assertThat(actual.cities).containsExactly(expected.cities);
    assertThat(actual.states).containsExactly(expected.states);
    assertThat(actual.postalCodes).containsExactly(expected.postalCodes);
    assertThat(actual.productNames).containsExactly(expected.productNames);
    assertThat(actual.campaignWords).containsExactly(expected.campaignWords);
  }
}
