package pelcro.exports.sandbox.domain;

/**
 * The export events the vendor documents (https://docs.pelcro.com/docs/webhooks-exports), with
 * their dotted names as sent in the envelope's {@code type}.
 */
public enum ExportEventType {
  REQUESTED("export.requested"),
  COMPLETED("export.completed"),
  FAILED("export.failed"),
  DOWNLOADED("export.downloaded");

  private final String wireName;

  ExportEventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name in the envelope, e.g. {@code export.completed}. */
  public String wireName() {
    return wireName;
  }
}
