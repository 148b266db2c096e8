package pelcro.exports.sandbox.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens secrets for display: API keys in logs, the banner and the request journal, and the
 * password of a URL. A key keeps its kind ({@code sk_test_}) and at most its last four characters,
 * never more than a third of it: {@code sk_test_…rise}.
 */
public final class KeyMask {
  private static final Pattern PREFIX = Pattern.compile("^[A-Za-z]{1,8}_[A-Za-z]{1,8}_");

  /** Keys as they appear in text: Bearer values, {@code sk_*} tokens in URLs and bodies. */
  private static final Pattern KEY_IN_TEXT = Pattern.compile("sk_[A-Za-z0-9_-]+");

  private static final Pattern URL_PASSWORD = Pattern.compile("(//[^:/@\\s]*:)([^@/\\s]+)@");

  private KeyMask() {}

  /** {@code sk_test_enterprise} → {@code sk_test_…rise}; a short key keeps only its kind. */
  public static String key(String key) {
    if (key == null || key.isEmpty()) {
      return "";
    }
    Matcher prefix = PREFIX.matcher(key);
    String kind = prefix.find() ? prefix.group() : key.substring(0, Math.min(3, key.length()));
    int shown = Math.min(4, (key.length() - kind.length()) / 3);
    return kind + "…" + (shown > 0 ? key.substring(key.length() - shown) : "");
  }

  /** Every {@code sk_…} key in a text (a URL, a header value), masked. */
  public static String keysIn(String text) {
    if (text == null || !text.contains("sk_")) {
      return text;
    }
    Matcher m = KEY_IN_TEXT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(key(m.group())));
    }
    return m.appendTail(out).toString();
  }

  /** An {@code Authorization} value: its scheme kept, its credential masked. */
  public static String authorization(String value) {
    if (value == null) {
      return null;
    }
    int space = value.indexOf(' ');
    return space < 0
        ? key(value)
        : value.substring(0, space + 1) + key(value.substring(space + 1).trim());
  }

  /** A URL with its user-info password replaced by {@code ***}. */
  public static String urlPassword(String url) {
    return url == null ? null : URL_PASSWORD.matcher(url).replaceAll("$1***@");
  }
}
