package pelcro.exports.sandbox.lint;

/**
 * One rule broken by one exchange, with what broke it (never a key).
 *
 * @param field the body field the finding is about, or null when it is about no one field
 */
record LintHit(LintRule rule, String detail, String field) {
  /** A finding about the request as a whole. */
  LintHit(LintRule rule, String detail) {
    this(rule, detail, null);
  }
}
