package pelcro.exports.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;
import static pelcro.exports.sandbox.Fixtures.SITE;
import static pelcro.exports.sandbox.Fixtures.subscriptions;
import static pelcro.exports.sandbox.SpecValidated.api;
import static pelcro.exports.sandbox.SpecValidated.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.support.ExportCalls;

/** Export files printed to disk while their job runs (--prepare-files-mb), seen from outside. */
class PreparedFilesAcceptanceTest {
  private static final Path TEMP = Path.of(System.getProperty("java.io.tmpdir"));

  @Test
  void downloadsTheFilePreparedWhileTheJobRanAndDeletesItOnceDownloaded() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      String uuid = request(sandbox, subscriptions());
      Path prepared = awaitComplete(uuid);
      long size = size(prepared);

      control(sandbox).body("{\"seconds\": 60}").post("/clock/advance").then().statusCode(200);
      byte[] file =
          api(sandbox, ENTERPRISE)
              .queryParam("site_id", SITE)
              .get("/exports/" + uuid)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();

      assertThat(file).hasSize((int) size);
      assertThat(new String(file, 0, 3)).isEqualTo("id,");
      assertThat(find(uuid)).isEmpty();
    }
  }

  @Test
  void deletesTheFilesNobodyDownloadedWhenTheSandboxCloses() {
    String uuid;
    Path folder;
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).start()) {
      uuid = request(sandbox, subscriptions());
      folder = awaitComplete(uuid).getParent();
    }
    assertThat(find(uuid)).isEmpty();
    assertThat(folder).doesNotExist();
  }

  @Test
  void preparesNoFileWithABudgetOfZero() {
    try (Sandbox sandbox = Sandbox.builder().port(0).jobSeconds(60).prepareFilesMb(0).start()) {
      String uuid = request(sandbox, subscriptions());
      control(sandbox).body("{\"seconds\": 60}").post("/clock/advance").then().statusCode(200);
      api(sandbox, ENTERPRISE)
          .queryParam("site_id", SITE)
          .get("/exports/" + uuid)
          .then()
          .statusCode(200);

      assertThat(find(uuid)).isEmpty();
    }
  }

  private static String request(Sandbox sandbox, Map<String, Object> body) {
    return ExportCalls.requestExport(sandbox, ENTERPRISE, SITE, body);
  }

  /** The prepared file of an export, once its size has stopped growing. */
  private static Path awaitComplete(String uuid) {
    long[] last = {-1};
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              List<Path> found = find(uuid);
              if (found.isEmpty()) {
                return null;
              }
              long now = size(found.get(0));
              boolean stable = now > 0 && now == last[0];
              last[0] = now;
              return stable ? found.get(0) : null;
            },
            path -> path != null);
  }

  private static List<Path> find(String uuid) {
    try (Stream<Path> folders = Files.list(TEMP)) {
      return folders
          .filter(f -> f.getFileName().toString().startsWith("exports-sandbox-files-"))
          .map(f -> f.resolve(uuid))
          .filter(Files::exists)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return -1;
    }
  }
}
