package pelcro.exports.sandbox.lint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the lint found for one account and one rule: how often, first and last (epoch seconds of the
 * sandbox clock), and the detail of the last occurrence. Plain values, so that a store can keep it
 * anywhere.
 *
 * @param accountId the account whose traffic broke the rule
 * @param rule the rule's id
 * @param count how many requests broke it (a request with two ignored fields counts once)
 * @param firstAt when it was first broken
 * @param lastAt when it was last broken
 * @param detail what the last occurrence was (a field, a uuid, a parameter name; never a key)
 */
public record LintFinding(
    long accountId, String rule, long count, long firstAt, long lastAt, String detail) {

  /** One more occurrence. */
  LintFinding again(long at, String newDetail) {
    return new LintFinding(
        accountId, rule, count + 1, Math.min(firstAt, at), Math.max(lastAt, at), newDetail);
  }

  /** The rule's message, citing the vendor page. */
  public String message() {
    return LintRule.byId(rule).map(LintRule::message).orElse(rule);
  }

  /** The finding as the control API shows it. */
  public Map<String, Object> view() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("account_id", accountId);
    view.put("rule", rule);
    view.put("message", message());
    view.put("count", count);
    view.put("first_at", firstAt);
    view.put("last_at", lastAt);
    view.put("detail", detail);
    return view;
  }

  @Override
  public String toString() {
    return "account "
        + accountId
        + ": "
        + rule
        + " x"
        + count
        + " (last: "
        + detail
        + ") - "
        + message();
  }
}
