package pelcro.exports.sandbox.operations;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The regular-expression engine of the request schemas: {@code java.util.regex}, with {@code $}
 * read as the ECMAScript regular expressions JSON Schema says a {@code pattern} is.
 *
 * <p>Why not networknt's default (plain {@code java.util.regex}): there {@code $} also matches
 * before a final line break, so {@code "usd\n"} would pass the spec's {@code ^[a-z]{3}$} and {@code
 * "1704067200\n"} its date pattern; ECMAScript's {@code $} (without the {@code m} flag) matches
 * only at the end. Java's {@code \z} is exactly ECMAScript's {@code $}, so each {@code $} anchor
 * becomes {@code \z}. The rest of the spec's patterns ({@code ^}, ASCII classes, groups,
 * alternations, counted repeats, {@code \.}) mean the same in both dialects. A JavaScript engine
 * (Rhino) would cost a call per check and a 1.2 MB dependency.
 */
final class EcmaScriptPatterns implements RegularExpressionFactory {

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(javaRegex(regex));
    // A pattern is not anchored by JSON Schema: it matches anywhere, as RegExp.test does.
    return value -> pattern.matcher(value).find();
  }

  /**
   * {@code regex} with each {@code $} anchor written {@code \z}; an escaped {@code \$} and a {@code
   * $} inside a character class are literal dollars in both dialects and stay.
   */
  static String javaRegex(String regex) {
    StringBuilder java = new StringBuilder(regex.length() + 4);
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        java.append(c).append(regex.charAt(++i));
      } else if (c == '$' && !inClass) {
        java.append("\\z");
      } else {
        inClass = c == '[' || (inClass && c != ']');
        java.append(c);
      }
    }
    return java.toString();
  }
}
