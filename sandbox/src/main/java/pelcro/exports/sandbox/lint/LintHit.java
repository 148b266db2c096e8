package pelcro.exports.sandbox.lint;

/** One rule broken by one exchange, with what broke it (never a key). */
record LintHit(LintRule rule, String detail) {}
