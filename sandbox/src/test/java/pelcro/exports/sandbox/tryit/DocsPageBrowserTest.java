package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import pelcro.exports.sandbox.tryit.support.HeadlessChromium;
import pelcro.exports.sandbox.tryit.support.SwaggerUiConsole;

/**
 * The docs page alone, served by a bare JDK server, renders its guidance and the spec in a real
 * browser, and its key buttons authorize Swagger UI.
 */
class DocsPageBrowserTest {
  private HttpServer server;
  private ChromeDriver browser;

  @BeforeEach
  void serveDocs() throws Exception {
    HeadlessChromium.assumeInstalled();
    DocsPage docs = new DocsPage("/api/v1/core", DocsPageTest.DEFAULT);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/docs",
        exchange -> {
          var found = docs.get(exchange.getRequestURI().getPath());
          if (found.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.getResponseHeaders().add("Content-Type", found.get().contentType());
            exchange.sendResponseHeaders(200, found.get().body().length);
            exchange.getResponseBody().write(found.get().body());
          }
          exchange.close();
        });
    server.start();
    browser = HeadlessChromium.start(Files.createTempDirectory("downloads"));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void aKeyChosenInTheGuideAuthorizesSwaggerUiAndOutlivesAReload() {
    String page = "http://127.0.0.1:" + server.getAddress().getPort() + "/docs";
    SwaggerUiConsole ui = new SwaggerUiConsole(browser).open(page);
    assertThat(browser.findElements(By.cssSelector(".auth-wrapper .btn.authorize.locked")))
        .isEmpty();

    ui.clickGuide(By.cssSelector("[data-use-key='sk_test_enterprise_2']"));

    assertThat(ui.awaitGuideText("chosen-key", "sk_test")).isEqualTo("sk_test_enterprise_2");
    assertThat(browser.findElements(By.cssSelector(".auth-wrapper .btn.authorize.locked")))
        .hasSize(1);
    assertThat(ui.guide("guide-curl").getAttribute("textContent"))
        .contains("KEY=sk_test_enterprise_2");
    new SwaggerUiConsole(browser).open(page);
    assertThat(ui.awaitGuideText("chosen-key", "sk_test")).isEqualTo("sk_test_enterprise_2");
  }

  @Test
  void theDocsPageRendersTheThreeOperationsWithSwaggerUi() throws Exception {
    browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/docs");

    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            ExpectedConditions.presenceOfElementLocated(By.id("operations-Exports-requestExport")));
    assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSize(3);
    assertThat(browser.findElement(By.cssSelector(".servers select")).getText())
        .contains("/api/v1/core");
    assertThat(browser.findElement(By.id("base-url")).getText())
        .isEqualTo("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/core");
    Path shot = Path.of("target", "docs-page.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
  }
}
