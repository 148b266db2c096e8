package pelcro.exports.sandbox.domain;

import java.util.Locale;

/**
 * The export events the vendor documents (https://docs.pelcro.com/docs/webhooks-exports), with
 * their dotted names as sent in the envelope's {@code type}.
 */
public enum ExportEventType {
  REQUESTED,
  COMPLETED,
  FAILED,
  DOWNLOADED;

  /**
   * The name in the envelope, {@code export.} and the event in lower case: {@code
   * export.completed}.
   */
  public String wireName() {
    return "export." + name().toLowerCase(Locale.ROOT);
  }
}
