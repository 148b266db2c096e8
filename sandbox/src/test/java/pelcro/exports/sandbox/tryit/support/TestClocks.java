package pelcro.exports.sandbox.tryit.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;

/**
 * Test clocks: a frozen base clock a little after the docs' example range (Q1 2024), so the seeded
 * data holds records in that range and only {@code clock().advance(...)} moves time.
 */
public final class TestClocks {
  public static final Clock JUNE_2024 =
      Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  private TestClocks() {}

  /** A sandbox on a free port whose clock stands at {@link #JUNE_2024}. */
  public static SandboxBuilder sandboxInJune2024() {
    return Sandbox.builder().port(0).clock(JUNE_2024);
  }
}
