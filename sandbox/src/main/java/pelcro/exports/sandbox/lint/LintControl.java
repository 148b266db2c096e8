package pelcro.exports.sandbox.lint;

import java.util.List;
import java.util.Map;

/**
 * Control API {@code GET /__admin/sandbox/lint[?account=N][&rule=ID]}: the lint's findings, {@code
 * {"data": [{account_id, rule, message, count, first_at, last_at, detail}]}}, with the rule table
 * under {@code rules}.
 */
public final class LintControl {
  private final IntegratorLint lint;

  /**
   * @param lint the sandbox's lint, or null when there is none (no findings)
   */
  public LintControl(IntegratorLint lint) {
    this.lint = lint;
  }

  /**
   * The findings, filtered by the raw query values when present.
   *
   * @throws IllegalArgumentException for an account that is no number or an unknown rule id
   */
  public Map<String, Object> list(String account, String rule) {
    Long accountId = null;
    if (account != null && !account.isEmpty()) {
      try {
        accountId = Long.parseLong(account);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("account must be an account id, e.g. ?account=1");
      }
    }
    String ruleId = rule == null || rule.isEmpty() ? null : rule;
    if (ruleId != null && LintRule.byId(ruleId).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown lint rule " + ruleId + "; see \"rules\" for the ids");
    }
    List<Map<String, Object>> data =
        lint == null
            ? List.of()
            : lint.findings(accountId, ruleId).stream().map(LintFinding::view).toList();
    List<Map<String, String>> rules =
        java.util.Arrays.stream(LintRule.values())
            .map(r -> Map.of("id", r.id(), "message", r.message()))
            .toList();
    return Map.of("data", data, "rules", rules);
  }
}
