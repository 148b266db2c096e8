package pelcro.exports.sandbox.domain;

import java.time.Instant;

/**
 * A download in progress: the file is being written to one client, and nobody else may take it. It
 * becomes a download when the last byte is written, and is withdrawn when the connection breaks
 * first, so the client can try again (download-export hands a file out once; a file that never
 * arrived was not handed out).
 *
 * @param id identifies the transfer, so that only it can confirm or withdraw the claim
 * @param until when the claim lapses if its node never confirms nor withdraws it (a node that died
 *     mid-transfer), on the account's clock
 */
public record DownloadClaim(String id, Instant until) {

  public boolean heldAt(Instant now) {
    return now.isBefore(until);
  }
}
