package pelcro.exports.sandbox.domain;

/**
 * Where an export stands at an instant (export attributes, "Export Flow"): queued, processing,
 * finished (file ready), failed, downloaded (file deleted) or expired (file deleted unread).
 */
public enum ExportState {
  QUEUED,
  PROCESSING,
  FINISHED,
  FAILED,
  DOWNLOADED,
  EXPIRED;

  /** Whether the export still counts against "one export per type at a time". */
  public boolean running() {
    return this == QUEUED || this == PROCESSING;
  }
}
