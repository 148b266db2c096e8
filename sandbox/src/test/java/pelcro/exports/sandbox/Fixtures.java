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

  public static Map<String, Object> subscriptions() {
    return Map.of("object", "subscriptions", "date_from", JAN_2024, "date_to", APR_2024);
  }

  public static Map<String, Object> ofType(String type) {
    return Map.of("object", type, "date_from", JAN_2024, "date_to", APR_2024);
  }
}
