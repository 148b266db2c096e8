package pelcro.exports.sandbox;

import java.util.Map;

/** Keys, sites and bodies of the default accounts, shared by the acceptance tests. */
public final class Fixtures {
  public static final String ENTERPRISE = "sk_test_enterprise";
  public static final String ENTERPRISE_2 = "sk_test_enterprise_2";
  public static final String BASIC = "sk_test_basic";
  public static final long SITE = 1001;
  public static final long SECOND_SITE = 1002;
  public static final long OTHER_ACCOUNT_SITE = 2001;
  public static final long BASIC_SITE = 3001;

  /** 2024-01-01T00:00Z and 2024-04-01T00:00Z, the docs' example range. */
  public static final long JAN_2024 = 1704067200L;

  public static final long APR_2024 = 1711929600L;

  private Fixtures() {}

  /**
   * The 90 days before now: inside the seeded data, which runs from 2023 to the clock's present.
   */
  public static Map<String, Object> subscriptions() {
    return ofType("subscriptions");
  }

  public static Map<String, Object> ofType(String type) {
    long now = java.time.Instant.now().getEpochSecond();
    return Map.of("object", type, "date_from", now - 90L * 86_400, "date_to", now);
  }
}
