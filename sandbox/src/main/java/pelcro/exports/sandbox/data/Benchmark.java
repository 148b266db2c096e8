package pelcro.exports.sandbox.data;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The in-process benchmark: streams a subscriptions CSV of about a million rows from the generator
 * and prints rows per second and peak heap. {@code bin/benchmark} runs it with {@code -Xmx256m},
 * then measures the sandbox jar over HTTP with curl.
 *
 * <p>Arguments: {@code [recordsPerType] [seed] [rounds]}; defaults 4,400,000, 1 and 1, which puts
 * about 1.1 million subscriptions in the last six months. Rounds after the first show the
 * JIT-compiled speed.
 */
public final class Benchmark {
  private Benchmark() {}

  public static void main(String[] args) throws IOException {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 4_400_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Instant anchor = Instant.parse("2026-01-01T00:00:00Z");
    // 24 months, as the sandbox's window was when the README's figures were first measured:
    // RECORDS = 4,400,000 then puts about 1.1 million rows in the last six months.
    SeedWindow window =
        new SeedWindow(anchor.atZone(ZoneOffset.UTC).minusMonths(24).toInstant(), anchor);
    SeededExportData data = new SeededExportData(seed, records, window);
    long from = anchor.atZone(ZoneOffset.UTC).minusMonths(6).toEpochSecond();
    ExportQuery query =
        new ExportQuery(
            1, "subscriptions", Map.of("date_from", from, "date_to", anchor.getEpochSecond()));
    for (int round = 1; round <= rounds; round++) {
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      long[] counted;
      try (InputStream in = data.file(query, "bench", anchor).opener().open()) {
        counted = count(in);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (processCpuNanos() - cpuStart) / 1e9;
      long rows = counted[1] - 1;
      System.out.printf(
          "in-process round %d: %,d rows, %,d bytes in %.2f s = %,.0f rows/s"
              + " (CPU %.2f s on %d cores); peak heap %.1f MiB of max %d MiB%n",
          round,
          rows,
          counted[0],
          seconds,
          rows / seconds,
          cpu,
          Runtime.getRuntime().availableProcessors(),
          peakHeap() / 1048576.0,
          Runtime.getRuntime().maxMemory() / 1048576);
    }
  }

  /** CPU time of the whole JVM (the reader and the printing threads, and GC and JIT). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Bytes and line ends of a stream, read in 64 KiB chunks. */
  static long[] count(InputStream in) throws IOException {
    long bytes = 0;
    long lines = 0;
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      bytes += n;
      for (int k = 0; k < n; k++) {
        if (buffer[k] == '\n') {
          lines++;
        }
      }
    }
    return new long[] {bytes, lines};
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap ever in use. */
  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
