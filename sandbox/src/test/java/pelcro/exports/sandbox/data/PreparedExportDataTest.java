package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreparedExportDataTest {
  private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");
  private static final SeededExportData SEEDED = new SeededExportData(7, 3000, ANCHOR);
  private static final ExportQuery SUBSCRIPTIONS = new ExportQuery(1, "subscriptions", Map.of());
  private static final ExportQuery INVOICES = new ExportQuery(1, "invoices", Map.of());

  @TempDir Path parent;
  private final Counting counting = new Counting(SEEDED);
  private PreparedExportData prepared;

  @AfterEach
  void close() {
    if (prepared != null) {
      prepared.close();
    }
  }

  private PreparedExportData prepared(long budgetBytes, ExportData data) {
    prepared = new PreparedExportData(data, budgetBytes, parent);
    prepared.activate();
    return prepared;
  }

  @Test
  void handsOutThePreparedFileWithTheBytesOfTheFilePrintedWhileDownloaded() throws IOException {
    PreparedExportData files = prepared(64L << 20, counting);
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("u1"));
    int opensWhilePreparing = counting.opened.get();

    byte[] served = read(files.file(SUBSCRIPTIONS, "u1", ANCHOR));

    assertThat(served).isEqualTo(read(SEEDED.file(SUBSCRIPTIONS, "u1", ANCHOR)));
    assertThat(counting.opened.get()).as("no second printing").isEqualTo(opensWhilePreparing);
    assertThat(files.bytesOnDisk()).isEqualTo(served.length);
    assertThat(files.file(SUBSCRIPTIONS, "u1", ANCHOR).fileName())
        .isEqualTo(SEEDED.file(SUBSCRIPTIONS, "u1", ANCHOR).fileName());
  }

  @Test
  void deletesAFileOnceItIsDownloadedAndPrintsItAgainIfAskedLater() throws IOException {
    PreparedExportData files = prepared(64L << 20, counting);
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("u1"));

    files.release("u1");

    assertThat(files.bytesOnDisk()).isZero();
    assertThat(filesOnDisk()).isEmpty();
    int before = counting.opened.get();
    assertThat(read(files.file(SUBSCRIPTIONS, "u1", ANCHOR)))
        .isEqualTo(read(SEEDED.file(SUBSCRIPTIONS, "u1", ANCHOR)));
    assertThat(counting.opened.get()).isEqualTo(before + 1);
  }

  @Test
  void printsWhileDownloadedAFileForAnotherInstantThanTheOnePrepared() throws IOException {
    PreparedExportData files = prepared(64L << 20, counting);
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("u1"));
    Instant earlier = ANCHOR.minus(Duration.ofDays(200));
    int before = counting.opened.get();

    byte[] served = read(files.file(SUBSCRIPTIONS, "u1", earlier));

    assertThat(served).isEqualTo(read(SEEDED.file(SUBSCRIPTIONS, "u1", earlier)));
    assertThat(counting.opened.get()).isEqualTo(before + 1);
  }

  @Test
  void keepsNoFileLargerThanItsBudgetAndServesItWhileDownloadedInstead() throws IOException {
    PreparedExportData files = prepared(10_000, counting);
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                counting.opened.get() == 1 && files.bytesOnDisk() == 0 && filesOnDisk().isEmpty());

    assertThat(files.isReady("u1")).isFalse();
    assertThat(read(files.file(SUBSCRIPTIONS, "u1", ANCHOR)))
        .isEqualTo(read(SEEDED.file(SUBSCRIPTIONS, "u1", ANCHOR)));
  }

  @Test
  void evictsTheOldestFileWhenANewOneNeedsTheRoom() throws IOException {
    long one = read(SEEDED.file(SUBSCRIPTIONS, "a", ANCHOR)).length;
    long other = read(SEEDED.file(INVOICES, "b", ANCHOR)).length;
    PreparedExportData files = prepared(Math.max(one, other) * 3 / 2, counting);
    files.prepare(SUBSCRIPTIONS, "a", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("a"));

    files.prepare(INVOICES, "b", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("b"));

    assertThat(files.isReady("a")).isFalse();
    assertThat(files.bytesOnDisk()).isEqualTo(other);
    assertThat(filesOnDisk()).hasSize(1);
  }

  @Test
  void keepsAtMostItsNumberOfFilesDroppingTheOldest() {
    PreparedExportData files = prepared(64L << 20, counting);
    // Files of a header only: the count, not the bytes, is what runs out.
    ExportQuery nothing = new ExportQuery(1, "subscriptions", Map.of("date_to", 0L));
    for (int i = 0; i <= PreparedExportData.MAX_FILES; i++) {
      String uuid = "u" + i;
      files.prepare(nothing, uuid, ANCHOR);
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(2))
          .until(() -> files.isReady(uuid));
    }

    assertThat(files.isReady("u0")).isFalse();
    assertThat(files.isReady("u1")).isTrue();
    assertThat(files.isReady("u" + PreparedExportData.MAX_FILES)).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> filesOnDisk().size() == PreparedExportData.MAX_FILES);
  }

  @Test
  void aDownloadBeforeTheFileIsReadyIsPrintedLiveAndStopsThePreparation() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PreparedExportData files = prepared(64L << 20, new Held(SEEDED, release));
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);

    ExportFile early = files.file(SUBSCRIPTIONS, "u1", ANCHOR);
    release.countDown();

    assertThat(read(early)).isEqualTo(read(SEEDED.file(SUBSCRIPTIONS, "u1", ANCHOR)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> files.bytesOnDisk() == 0 && filesOnDisk().isEmpty());
    assertThat(files.isReady("u1")).isFalse();
  }

  @Test
  void preparesNothingBeforeItIsActivatedOrWithABudgetOfZero() throws IOException {
    PreparedExportData idle = new PreparedExportData(counting, 64L << 20, parent);
    idle.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    idle.close();
    PreparedExportData off = prepared(0, counting);
    off.prepare(SUBSCRIPTIONS, "u2", ANCHOR);

    assertThat(counting.opened.get()).isZero();
    try (Stream<Path> made = Files.list(parent)) {
      assertThat(made).isEmpty();
    }
  }

  @Test
  void deletesItsFilesAndFolderWhenClosed() throws IOException {
    PreparedExportData files = prepared(64L << 20, counting);
    files.prepare(SUBSCRIPTIONS, "u1", ANCHOR);
    await().atMost(Duration.ofSeconds(20)).until(() -> files.isReady("u1"));

    files.close();

    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
    files.prepare(INVOICES, "u2", ANCHOR);
    assertThat(counting.opened.get()).isEqualTo(1);
  }

  private List<Path> filesOnDisk() throws IOException {
    try (Stream<Path> all = Files.walk(parent)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }

  private static byte[] read(ExportFile file) throws IOException {
    try (InputStream in = file.opener().open()) {
      return in.readAllBytes();
    }
  }

  /** Counts the files opened, i.e. printed. */
  static class Counting extends ForwardingExportData {
    final ExportData data;
    final AtomicInteger opened = new AtomicInteger();

    Counting(ExportData data) {
      this.data = data;
    }

    @Override
    protected ExportData delegate() {
      return data;
    }

    @Override
    public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
      ExportFile file = data.file(query, exportUuid, asOf);
      return new ExportFile(
          file.fileName(),
          () -> {
            opened.incrementAndGet();
            return opener(file);
          });
    }

    InputStream opener(ExportFile file) throws IOException {
      return file.opener().open();
    }
  }

  /** Files that cannot be opened until {@code release} counts down: a slow preparation. */
  static final class Held extends Counting {
    private final CountDownLatch release;

    Held(ExportData data, CountDownLatch release) {
      super(data);
      this.release = release;
    }

    @Override
    InputStream opener(ExportFile file) throws IOException {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      return file.opener().open();
    }
  }
}
