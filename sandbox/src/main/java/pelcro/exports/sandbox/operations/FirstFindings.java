package pelcro.exports.sandbox.operations;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces the schema validator's messages to the one failed keyword the answer names for each
 * field, in the order the answer lists the fields.
 *
 * <p>The order is the one the sandbox's answers have had since they were first checked by the fge
 * validator (under Atlassian's): fields by name, and for one field its keywords by name with {@code
 * format} last; a keyword failing inside {@code oneOf} (or another combinator) only makes the
 * combinator fail. {@code required} and {@code additionalProperties} are left to the caller, whose
 * messages name the fields.
 */
final class FirstFindings {
  private static final Set<String> LEFT_TO_CALLER = Set.of("required", "additionalProperties");
  private static final Set<String> COMBINATORS = Set.of("oneOf", "anyOf", "allOf", "not");
  private static final Comparator<String> KEYWORD_ORDER =
      Comparator.comparing((String keyword) -> keyword.equals("format"))
          .thenComparing(Comparator.naturalOrder());

  private FirstFindings() {}

  /**
   * The failed keyword of each top-level field ({@code ""} for the body itself, listed first),
   * fields in name order.
   */
  static Map<String, String> of(Set<ValidationMessage> messages) {
    Map<String, String> byField = new TreeMap<>();
    for (ValidationMessage message : messages) {
      String keyword = message.getType();
      if (LEFT_TO_CALLER.contains(keyword) || insideCombinator(message.getEvaluationPath())) {
        continue;
      }
      JsonNodePath instance = message.getInstanceLocation();
      String field = instance.getNameCount() == 0 ? "" : String.valueOf(instance.getElement(0));
      byField.merge(field, keyword, (a, b) -> KEYWORD_ORDER.compare(a, b) <= 0 ? a : b);
    }
    return byField;
  }

  /** Whether a step before the keyword itself is a combinator (not a property of that name). */
  private static boolean insideCombinator(JsonNodePath evaluationPath) {
    int last = evaluationPath.getNameCount() - 1;
    for (int i = 0; i < last; i++) {
      Object step = evaluationPath.getElement(i);
      if (COMBINATORS.contains(step)
          && (i == 0 || !"properties".equals(evaluationPath.getElement(i - 1)))) {
        return true;
      }
    }
    return false;
  }
}
