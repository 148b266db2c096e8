package pelcro.exports.sandbox.operations;

import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.store.RequestReads;

/**
 * A file being handed out by {@code downloadExport}: streamed as {@code application/force-download}
 * (download-export), offered under {@code file.fileName()}. The transfer is only a download once
 * its last byte is written: the HTTP layer reports how it ended with {@link
 * DownloadExportOperation#finished}.
 */
public record ExportDownload(ExportFile file, Transfer transfer) {
  /** download-export: "Content-Type: application/force-download". */
  public static final String CONTENT_TYPE = "application/force-download";

  public String contentDisposition() {
    return "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"";
  }

  /**
   * One transfer of one export's file, identified by its claim on the file.
   *
   * @param reads what its request read, for the commit that ends it
   */
  public record Transfer(long accountId, String uuid, String claimId, RequestReads.Carried reads) {}
}
