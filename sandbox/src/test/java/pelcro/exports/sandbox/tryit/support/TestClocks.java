package pelcro.exports.sandbox.tryit.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Test clocks: a frozen base clock a little after the docs' example range (Q1 2024), so the seeded
 * data holds records in that range and only {@code clock().advance(...)} moves time.
 */
public final class TestClocks {
  public static final Clock JUNE_2024 =
      Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

  private TestClocks() {}
}
