package pelcro.exports.sandbox.http;

import java.util.Map;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.operations.DownloadExportOperation;
import pelcro.exports.sandbox.operations.ExportDownload;
import pelcro.exports.sandbox.operations.ListExportsOperation;
import pelcro.exports.sandbox.operations.RequestExportOperation;

/**
 * The API's three operations under {@code /exports} (list-exports, request-export,
 * download-export), as routes: each call's parameters handed to its operation, and its result as
 * the answer.
 *
 * @param transfers where a download's transfer is registered, so the edge can report its end
 */
record ApiRoutes(
    ListExportsOperation list,
    RequestExportOperation request,
    DownloadExportOperation download,
    DownloadTransfers transfers) {

  void addTo(Routes.Builder table) {
    String exports = Routes.BASE_PATH + "/exports";
    table
        .add(
            "GET",
            exports,
            "listExports",
            call ->
                Answer.json(
                    200,
                    list.handle(
                        call.caller(),
                        call.query().get("site_id"),
                        call.query().get("page"),
                        call.query().get("limit"),
                        call.pathUrl())))
        .add(
            "POST",
            exports,
            "requestExport",
            call ->
                Answer.json(
                    200,
                    request.handle(
                        call.caller(), call.query().get("site_id"), Json.readBody(call.body()))))
        .add(
            "GET",
            exports + "/{uuid}",
            "downloadExport",
            call ->
                file(
                    download.handle(
                        call.caller(), call.query().get("site_id"), call.params().get("uuid")),
                    call));
  }

  /**
   * The file, streamed: it is opened only when the edge writes the body, never read whole. The
   * transfer is registered under the token the edge gave the request, so the edge can report
   * whether the last byte was written.
   */
  private Answer file(ExportDownload granted, Call call) {
    try {
      transfers.begin(call.transfer(), granted.transfer(), call.client());
    } catch (ApiException noSlot) {
      transfers.refused(granted.transfer()); // the file stays downloadable
      throw noSlot;
    }
    return Answer.file(
        granted.file(),
        Map.of(
            "Content-Type",
            ExportDownload.CONTENT_TYPE,
            "Content-Disposition",
            granted.contentDisposition()));
  }
}
