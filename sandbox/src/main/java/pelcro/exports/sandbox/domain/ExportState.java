package pelcro.exports.sandbox.domain;

/**
 * Where an export stands at an instant (export attributes, "Export Flow"): queued, processing,
 * finished (file ready), being downloaded, failed, downloaded (file deleted) or expired (file
 * deleted unread).
 */
public enum ExportState {
  QUEUED,
  PROCESSING,
  FINISHED,
  /** Its file is being sent to one client; it is downloaded once the last byte is written. */
  DOWNLOADING,
  FAILED,
  DOWNLOADED,
  EXPIRED;

  /** Whether the export still counts against "one export per type at a time". */
  public boolean running() {
    return this == QUEUED || this == PROCESSING;
  }
}
