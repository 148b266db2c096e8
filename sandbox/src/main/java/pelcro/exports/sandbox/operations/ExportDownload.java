package pelcro.exports.sandbox.operations;

import pelcro.exports.sandbox.data.ExportFile;

/**
 * A file handed out by {@code downloadExport}: streamed as {@code application/force-download}
 * (download-export), offered under {@code file.fileName()}.
 */
public record ExportDownload(ExportFile file) {
  /** download-export: "Content-Type: application/force-download". */
  public static final String CONTENT_TYPE = "application/force-download";

  public String contentDisposition() {
    return "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"";
  }
}
