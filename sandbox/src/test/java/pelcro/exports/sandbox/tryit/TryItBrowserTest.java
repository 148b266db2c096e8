package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.tryit.support.HeadlessChromium;
import pelcro.exports.sandbox.tryit.support.SwaggerUiConsole;

/**
 * The docs page in a real headless Chromium, as a visitor uses it: authorize with an own {@code
 * sk_try_} key, request an export, download its file, and see a validation error.
 */
class TryItBrowserTest {
  static final Path SCREENSHOT = Path.of("target", "try-it.png");
  private Sandbox sandbox;
  private ChromeDriver browser;
  private Path downloads;

  @BeforeEach
  void start() throws IOException {
    HeadlessChromium.assumeInstalled();
    sandbox =
        Sandbox.builder()
            .port(0)
            .clock(pelcro.exports.sandbox.tryit.support.TestClocks.JUNE_2024)
            .jobSeconds(1)
            .tryIt(true)
            .start();
    downloads = Files.createTempDirectory("try-it-downloads");
    browser = HeadlessChromium.start(downloads);
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      Files.createDirectories(SCREENSHOT.getParent());
      Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void aVisitorRequestsAnExportDownloadsItsFileAndSeesAValidationErrorThroughTheDocsPage()
      throws Exception {
    SwaggerUiConsole ui = new SwaggerUiConsole(browser).open(sandbox.docsUrl());
    ui.authorize("sk_try_" + UUID.randomUUID().toString().replace("-", ""));

    WebElement request = ui.tryItOut("requestExport");
    ui.parameter(request, "site_id", "1001");
    assertThat(ui.execute(request)).isEqualTo("200");
    String queued = ui.responseBody(request);
    assertThat(queued).contains("\"object\": \"subscriptions\"", "\"finished_at\": null");
    String uuid = firstUuid(queued);

    sandbox.clock().advance(Duration.ofSeconds(2));
    WebElement download = ui.tryItOut("downloadExport");
    ui.parameter(download, "uuid", uuid);
    ui.parameter(download, "site_id", "1001");
    assertThat(ui.execute(download)).isEqualTo("200");
    ui.scrollAndClick(ui.downloadLink(download));
    Path file = awaitDownload();
    assertThat(file.getFileName().toString()).contains(uuid);

    ui.body(request, "{\"object\": \"subscriptions\", \"date_from\": 1704067200}");
    assertThat(ui.execute(request)).isEqualTo("400");
    assertThat(ui.responseBody(request)).contains("The given data was invalid.", "date_to");
    ui.scrollAndClick(
        request.findElement(org.openqa.selenium.By.cssSelector(".live-responses-table")));
  }

  private static String firstUuid(String text) {
    Matcher m = Pattern.compile("\"uuid\": \"([0-9a-f-]{36})\"").matcher(text);
    assertThat(m.find()).as("a uuid in " + text).isTrue();
    return m.group(1);
  }

  /**
   * The finished download: Chromium first writes hidden or {@code .crdownload} files, then renames.
   */
  private Path awaitDownload() {
    return org.awaitility.Awaitility.await("a finished download in " + downloads)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(this::finishedDownload, java.util.Optional::isPresent)
        .orElseThrow();
  }

  private java.util.Optional<Path> finishedDownload() throws java.io.IOException {
    try (Stream<Path> files = Files.list(downloads)) {
      return files
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
          .findFirst();
    }
  }
}
