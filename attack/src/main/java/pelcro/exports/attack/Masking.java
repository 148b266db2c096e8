package pelcro.exports.attack;

/**
 * Keys in the harness's own output are masked like the sandbox masks them: {@code sk_test_…abcd}.
 */
public final class Masking {
  private Masking() {}

  public static String mask(String key) {
    if (key == null || key.length() <= 12) {
      return key;
    }
    int prefix = key.startsWith("sk_") ? key.indexOf('_', 3) + 1 : 0;
    return key.substring(0, Math.max(prefix, 0)) + "…" + key.substring(key.length() - 4);
  }
}
