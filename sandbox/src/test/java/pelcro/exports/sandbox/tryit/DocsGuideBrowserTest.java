package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.tryit.support.HeadlessChromium;
import pelcro.exports.sandbox.tryit.support.SwaggerUiConsole;
import pelcro.exports.sandbox.tryit.support.TestClocks;

/**
 * The docs page's guidance in a real headless Chromium, one instance mode per test, as a visitor
 * uses it: the keys it offers, then request → "Finish my export now" → download. The sandbox clock
 * is frozen, so an export finishes only when the page's button finishes it. Each test leaves a
 * full-page screenshot under {@code target/}.
 */
class DocsGuideBrowserTest {
  private Sandbox sandbox;
  private ChromeDriver browser;
  private SwaggerUiConsole ui;
  private Path downloads;
  private Path screenshot;

  @BeforeEach
  void startBrowser() throws IOException {
    HeadlessChromium.assumeInstalled();
    downloads = Files.createTempDirectory("docs-guide-downloads");
    browser = HeadlessChromium.start(downloads);
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      if (screenshot != null && ui != null) {
        saveScreenshots();
      }
      browser.quit();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** The whole page as {@code NAME-full.png}, and its first 1,600 pixels as {@code NAME.png}. */
  private void saveScreenshots() throws IOException {
    byte[] png = ui.fullPageScreenshot();
    String name = screenshot.getFileName().toString().replace(".png", "");
    Files.createDirectories(screenshot.getParent());
    Files.write(screenshot.resolveSibling(name + "-full.png"), png);
    BufferedImage page = ImageIO.read(new ByteArrayInputStream(png));
    ImageIO.write(
        page.getSubimage(0, 0, page.getWidth(), Math.min(page.getHeight(), 1600)),
        "png",
        screenshot.toFile());
  }

  private void open(SandboxBuilder instance, String screenshotName) {
    sandbox = instance.port(0).clock(TestClocks.JUNE_2024).start();
    screenshot = Path.of("target", screenshotName);
    ui = new SwaggerUiConsole(browser).open(sandbox.docsUrl());
  }

  @Test
  void aDefaultInstanceOffersItsBuiltInKeysAndItsVisitorFinishesAnExportNowAndDownloadsIt()
      throws Exception {
    open(Sandbox.builder(), "docs-default.png");

    assertThat(ui.guide("base-url").getText()).isEqualTo(sandbox.baseUrl());
    assertThat(row("sk_test_enterprise")).contains("Enterprise", "1001, 1002");
    assertThat(row("sk_test_enterprise_2")).contains("2001");
    assertThat(row("sk_test_basic")).contains("not Enterprise");
    assertThat(ui.guide("guide-keys").getText()).contains("sk_try_… answer 401");
    assertThat(ui.guide("guide-limits").getText())
        .contains("120 requests a minute", "/__admin/sandbox");

    ui.clickGuide(By.cssSelector("[data-use-key='sk_test_enterprise']"));
    assertThat(ui.awaitGuideText("chosen-key", "sk_test_enterprise"))
        .isEqualTo("sk_test_enterprise");
    requestFinishAndDownload("1001");
  }

  @Test
  void aTryItVisitorMakesAKeyRequestsAnExportFinishesItNowAndDownloadsItsFile() throws Exception {
    open(Sandbox.builder().tryIt(true), "docs-try-it.png");

    assertThat(ui.guide("guide-keys").getText())
        .contains("sk_try_", "sites 1001, 1002")
        .doesNotContain("answer 401");
    ui.clickGuide(By.id("make-key"));
    String key = ui.awaitGuideText("chosen-key", "sk_try_");
    assertThat(TryItTenants.isTryItKey(key)).as(key).isTrue();
    assertThat(curl()).contains("KEY=" + key, "ROOT=" + sandbox.rootUrl());

    String uuid = requestFinishAndDownload("1002");
    ui.clickGuide(By.cssSelector("#guide-curl summary"));
    assertThat(ui.guide("guide-curl").getText())
        .contains(
            "UUID=" + uuid,
            "/__sandbox/exports/$UUID/complete",
            "curl -s -OJ \"$BASE/exports/$UUID?site_id=$SITE\"");
  }

  @Test
  void anInstanceWithItsOwnAccountsAndNoHelpersNamesNoKeyAndSaysToWait() throws Exception {
    Path accounts = Files.createTempFile("accounts", ".json");
    Files.writeString(
        accounts,
        """
        {"accounts": [{"id": 9, "key": "sk_operator_secret_1234", "enterprise": true,
          "sites": [9001], "user_id": 901, "user_email": "ops@example.com"}]}""");
    open(
        Sandbox.builder().accounts(accounts).admin(false).testHelpers(false),
        "docs-own-accounts-no-helpers.png");

    assertThat(browser.getPageSource()).doesNotContain("sk_operator_secret", "sk_test_");
    assertThat(ui.guide("guide-keys").getText())
        .contains("use the API key and a site you were given");
    assertThat(ui.guide("guide-finish").getText())
        .contains("closed on this instance")
        .doesNotContain("Finish my export now");
    assertThat(ui.guide("guide-limits").getText()).doesNotContain("/__admin");

    ui.authorize("sk_operator_secret_1234");
    assertThat(ui.awaitGuideText("chosen-key", "sk_operator")).isEqualTo("sk_operator_secret_1234");
  }

  /** The walk-through end to end; answers the export's uuid. */
  private String requestFinishAndDownload(String site) throws Exception {
    WebElement request = ui.tryItOut("requestExport");
    ui.parameter(request, "site_id", site);
    assertThat(ui.execute(request)).isEqualTo("200");
    String uuid = firstUuid(ui.responseBody(request));
    assertThat(ui.guide("finish-uuid").getAttribute("value")).isEqualTo(uuid);

    WebElement download = ui.tryItOut("downloadExport");
    assertThat(ui.parameterValue(download, "uuid")).as("filled in by the page").isEqualTo(uuid);
    assertThat(ui.parameterValue(download, "site_id")).isEqualTo(site);
    assertThat(ui.execute(download)).isEqualTo("404");
    assertThat(ui.responseBody(download)).contains(ApiError.NOT_READY.message());

    ui.clickGuide(By.id("finish-now"));
    assertThat(ui.awaitGuideText("finish-result", "has finished"))
        .startsWith("200: export " + uuid);

    assertThat(ui.execute(download)).isEqualTo("200");
    ui.scrollAndClick(ui.downloadLink(download));
    assertThat(awaitDownload().getFileName().toString()).contains(uuid);
    assertThat(ui.execute(download)).isEqualTo("400");
    assertThat(ui.responseBody(download)).contains(ApiError.ALREADY_DOWNLOADED.message());
    return uuid;
  }

  private String row(String key) {
    return browser
        .findElement(By.xpath("//table[@class='guide-keys']//tr[td/code='" + key + "']"))
        .getText();
  }

  private String curl() {
    return ui.guide("guide-curl").getAttribute("textContent");
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
    return Awaitility.await("a finished download in " + downloads)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(this::finishedDownload, Optional::isPresent)
        .orElseThrow();
  }

  private Optional<Path> finishedDownload() throws IOException {
    try (Stream<Path> files = Files.list(downloads)) {
      return files
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().endsWith(".crdownload"))
          .findFirst();
    }
  }
}
