package pelcro.exports.sandbox.faults;

/**
 * How a struck download fault streams a file: cut after {@code cutAfterBytes} (the connection then
 * closes, and the file may be downloaded again), or at most {@code bytesPerSecond}.
 *
 * @param cutAfterBytes bytes sent before the cut, or -1 for no cut
 * @param bytesPerSecond the pace, or 0 for full speed
 */
public record DownloadFault(long cutAfterBytes, long bytesPerSecond) {
  public static final DownloadFault NONE = new DownloadFault(-1, 0);

  public static DownloadFault cutAfter(long bytes) {
    return new DownloadFault(Math.max(0, bytes), 0);
  }

  public static DownloadFault slowedTo(long bytesPerSecond) {
    return new DownloadFault(-1, Math.max(1, bytesPerSecond));
  }

  public boolean none() {
    return cutAfterBytes < 0 && bytesPerSecond == 0;
  }
}
