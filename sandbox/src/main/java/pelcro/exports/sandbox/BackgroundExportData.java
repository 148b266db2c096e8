package pelcro.exports.sandbox;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import pelcro.exports.sandbox.data.ExportData;
import pelcro.exports.sandbox.data.ExportFile;
import pelcro.exports.sandbox.data.ExportQuery;

/**
 * An {@link ExportData} built on a background thread, so that generating the seeded data does
 * not delay the server's start; calls wait for it.
 */
final class BackgroundExportData implements ExportData {
  private final CompletableFuture<ExportData> data = new CompletableFuture<>();
  private final Supplier<ExportData> factory;

  BackgroundExportData(Supplier<ExportData> factory) {
    this.factory = factory;
  }

  /**
   * Builds the data on its own thread, started before the server so that the two overlap.
   *
   * @param loaded told when the data is ready
   * @param failed told why the data could not be built
   */
  void start(Runnable loaded, Consumer<Throwable> failed) {
    Thread t = new Thread(() -> {
      try {
        data.complete(factory.get());
        loaded.run();
      } catch (RuntimeException | Error e) {
        data.completeExceptionally(e);
        failed.accept(e);
      }
    }, "exports-sandbox-data");
    t.setDaemon(true);
    t.start();
  }

  private ExportData data() {
    return data.join();
  }

  @Override
  public boolean hasRecords(ExportQuery query, Instant asOf) {
    return data().hasRecords(query, asOf);
  }

  @Override
  public Optional<YearMonth> firstInvoiceMonth(long siteId) {
    return data().firstInvoiceMonth(siteId);
  }

  @Override
  public ExportFile file(ExportQuery query, String exportUuid, Instant asOf) {
    return data().file(query, exportUuid, asOf);
  }
}
