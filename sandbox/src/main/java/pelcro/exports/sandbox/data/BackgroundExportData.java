package pelcro.exports.sandbox.data;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An {@link ExportData} built on a background thread, so that generating the seeded data does not
 * delay the server's start; calls wait for it.
 */
public final class BackgroundExportData extends ForwardingExportData {
  private final CompletableFuture<ExportData> data = new CompletableFuture<>();
  private final Supplier<ExportData> factory;

  public BackgroundExportData(Supplier<ExportData> factory) {
    this.factory = factory;
  }

  /**
   * Builds the data on its own thread, started before the server so that the two overlap.
   *
   * @param loaded told when the data is ready
   * @param failed told why the data could not be built
   */
  public void start(Runnable loaded, Consumer<Throwable> failed) {
    Thread t =
        new Thread(
            () -> {
              try {
                data.complete(factory.get());
                loaded.run();
              } catch (RuntimeException | Error e) {
                data.completeExceptionally(e);
                failed.accept(e);
              }
            },
            "exports-sandbox-data");
    t.setDaemon(true);
    t.start();
  }

  @Override
  protected ExportData delegate() {
    return data.join();
  }
}
