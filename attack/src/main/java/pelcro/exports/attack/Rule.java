package pelcro.exports.attack;

/** The rules every answer keeps (issue 10, "JSON at every layer"), one per way to break them. */
public enum Rule {
  SERVER_ERROR("5xx answer"),
  NOT_JSON("answer not JSON (Content-Type application/json and a body that parses)"),
  NO_MESSAGE("error answer without a string \"message\""),
  REDIRECT("redirect (3xx)"),
  INTERNALS("answer names a class, package, file path or stack frame"),
  SECRET("answer holds a full API key"),
  NO_ANSWER("no answer to a complete request"),
  STATE_CHANGED("state changed by a rejected request"),
  SLOW("normal clients' p99 over the limit"),
  LINGERS("the process kept running after POST /__admin/shutdown");

  private final String meaning;

  Rule(String meaning) {
    this.meaning = meaning;
  }

  public String meaning() {
    return meaning;
  }
}
