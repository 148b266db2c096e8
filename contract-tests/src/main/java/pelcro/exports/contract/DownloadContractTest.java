package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Api;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;

/** GET /exports/{uuid}: not ready, once, already downloaded, not found (download-export). */
@ExtendWith(EnterpriseAccount.class)
class DownloadContractTest {
  private static final String DOC = "download-export, Common Errors";

  private static Response download(Account account, String uuid) {
    return Api.as(account).when().get("/exports/{uuid}", uuid);
  }

  /** Asserts the status and the exact message, each with the documented behaviour it checks. */
  private static void assertAnswer(
      Response r, int status, String statusChecks, String message, String messageChecks) {
    assertThat(r.statusCode()).as(statusChecks).isEqualTo(status);
    assertThat(Exports.message(r)).as(messageChecks).isEqualTo(message);
  }

  @Test
  @Documented(DOC + ": \"The requested file was not found, please try to export again.\"")
  void answersNotFoundForAnUnknownUuid() {
    Response r = download(Target.get().enterprise(), UUID.randomUUID().toString());

    assertAnswer(
        r,
        404,
        "download-export: an unknown uuid must be 404",
        Exports.NOT_FOUND,
        "download-export: the not-found message, verbatim");
  }

  @Test
  @Writes
  @Documented(
      value = DOC + ": \"The export is not yet ready to be downloaded.\"",
      covers = "downloadExport:404")
  void answersNotReadyWhileTheExportRuns(Account account) {
    String uuid = Exports.request(account, Exports.recent("refunds"));

    Response r = download(account, uuid);

    assertAnswer(
        r,
        404,
        "download-export: a download right after the request must be 404 (not ready)",
        Exports.NOT_READY,
        "download-export: the not-ready message, verbatim");
    Exports.drain(account, uuid);
  }

  @Test
  @Writes
  @Documented(
      value = "download-export: the file is sent once, as application/force-download",
      covers = "downloadExport:200")
  void servesAFinishedExportAsAForcedDownload(Account account) {
    Response r =
        Exports.awaitDownload(account, Exports.request(account, Exports.recent("addresses")));

    assertThat(r.statusCode())
        .as("download-export: a finished export downloads with 200")
        .isEqualTo(200);
    assertThat(r.contentType())
        .as("download-export: the file is streamed as application/force-download")
        .startsWith("application/force-download");
    assertThat(r.asByteArray()).as("download-export: the file is not empty").isNotEmpty();
  }

  @Test
  @Writes
  @Documented(
      value = DOC + ": \"The requested file has already been downloaded or has expired.\"",
      covers = {"downloadExport:200", "downloadExport:400"})
  void refusesASecondDownloadOfTheSameExport(Account account) {
    String uuid = Exports.request(account, Exports.recent("balance_transactions"));
    Response first = Exports.awaitDownload(account, uuid);
    assertThat(first.statusCode())
        .as("download-export: the first download succeeds")
        .isEqualTo(200);

    Response second = download(account, uuid);

    assertAnswer(
        second,
        400,
        "download-export: a second download must be refused (400)",
        Exports.ALREADY_DOWNLOADED,
        "download-export: the already-downloaded message, verbatim");
  }

  @Test
  @Writes
  @Documented(
      value = DOC + ": another account's export is not found",
      covers = "downloadExport:404")
  void hidesAnExportFromAnotherAccount() {
    assumeTrue(
        Target.get().other().isPresent(), "needs contract.otherKey and contract.otherSiteId");
    Account owner = Target.get().enterprise();
    Account other = Target.get().other().get();
    String uuid = Exports.request(owner, Exports.recent("newsletters"));

    Response whileRunning = download(other, uuid);
    assertAnswer(
        whileRunning,
        404,
        "download-export: another account's export must be 404",
        Exports.NOT_FOUND,
        "download-export: another account's export is simply not found");

    Response mine = Exports.awaitDownload(owner, uuid);
    assertThat(mine.statusCode())
        .as("download-export: the other account's attempt must not spend the owner's download")
        .isEqualTo(200);
    Response afterwards = download(other, uuid);
    assertThat(afterwards.statusCode())
        .as("download-export: another account's export stays not found")
        .isEqualTo(404);
    assertThat(Exports.message(afterwards)).isEqualTo(Exports.NOT_FOUND);
  }
}
