package pelcro.exports.sandbox.tryit.support;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Test page object: the docs page's Swagger UI, driven the way a visitor uses "Try it out". */
public final class SwaggerUiConsole {
  private final WebDriver browser;
  private final WebDriverWait wait;

  public SwaggerUiConsole(WebDriver browser) {
    this.browser = browser;
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /** Opens the page and waits for the operations to render. */
  public SwaggerUiConsole open(String docsUrl) {
    browser.get(docsUrl);
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.id("operations-Exports-requestExport")));
    return this;
  }

  /** Enters a bearer key in the Authorize dialog. */
  public void authorize(String key) {
    click(By.cssSelector(".auth-wrapper .btn.authorize"));
    WebElement input =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input")));
    input.sendKeys(key);
    click(By.cssSelector(".auth-btn-wrapper .btn.modal-btn.auth.authorize"));
    click(By.cssSelector(".auth-btn-wrapper .btn-done"));
  }

  /** Expands an operation and turns on "Try it out". */
  public WebElement tryItOut(String operationId) {
    WebElement op = browser.findElement(By.id("operations-Exports-" + operationId));
    if (op.findElements(By.cssSelector(".try-out__btn")).isEmpty()) {
      scrollAndClick(op.findElement(By.cssSelector(".opblock-summary-control")));
    }
    WebElement tryOut = wait.until(d -> op.findElement(By.cssSelector(".try-out__btn")));
    if (tryOut.getText().contains("Try it out")) {
      scrollAndClick(tryOut);
    }
    return op;
  }

  /** Types a parameter's value. */
  public void parameter(WebElement op, String name, String value) {
    WebElement input = op.findElement(By.cssSelector("tr[data-param-name='" + name + "'] input"));
    input.clear();
    input.sendKeys(value);
  }

  /** Replaces the request body's text. */
  public void body(WebElement op, String json) {
    WebElement area = op.findElement(By.cssSelector("textarea.body-param__text"));
    area.clear();
    area.sendKeys(json);
  }

  /** Presses Execute and waits for the live response; answers its status code. */
  public String execute(WebElement op) {
    List<WebElement> clear = op.findElements(By.cssSelector(".btn-clear"));
    if (!clear.isEmpty()) {
      scrollAndClick(clear.get(0));
      wait.until(d -> op.findElements(By.cssSelector(".live-responses-table")).isEmpty());
    }
    scrollAndClick(op.findElement(By.cssSelector(".btn.execute")));
    WebElement status =
        wait.until(
            d ->
                op.findElement(
                    By.cssSelector(".live-responses-table .response .response-col_status")));
    return status.getText().trim();
  }

  /** The text of the live response's body. */
  public String responseBody(WebElement op) {
    return op.findElement(
            By.cssSelector(".live-responses-table .response-col_description .highlight-code"))
        .getAttribute("textContent");
  }

  /** The "Download file" link Swagger UI shows for a file answer. */
  public WebElement downloadLink(WebElement op) {
    return wait.until(d -> op.findElement(By.xpath(".//a[contains(., 'Download file')]")));
  }

  /** The value a parameter's input holds now (typed, or filled in by the page's script). */
  public String parameterValue(WebElement op, String name) {
    return op.findElement(By.cssSelector("tr[data-param-name='" + name + "'] input"))
        .getAttribute("value");
  }

  /** The guidance element with this id, above Swagger UI. */
  public WebElement guide(String id) {
    return browser.findElement(By.id(id));
  }

  /** Clicks an element of the guidance. */
  public void clickGuide(By by) {
    click(by);
  }

  /** Waits until a guidance element's text contains {@code text}; answers the whole text. */
  public String awaitGuideText(String id, String text) {
    wait.until(d -> d.findElement(By.id(id)).getText().contains(text));
    return browser.findElement(By.id(id)).getText();
  }

  /** A PNG of the whole page, however long (Chromium's full-page capture through DevTools). */
  public byte[] fullPageScreenshot() {
    org.openqa.selenium.chrome.ChromeDriver chrome =
        (org.openqa.selenium.chrome.ChromeDriver) browser;
    java.util.Map<?, ?> metrics =
        chrome.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
    java.util.Map<?, ?> size = (java.util.Map<?, ?>) metrics.get("cssContentSize");
    Object result =
        chrome.executeCdpCommand(
            "Page.captureScreenshot",
            java.util.Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                java.util.Map.of(
                    "x",
                    0,
                    "y",
                    0,
                    "width",
                    size.get("width"),
                    "height",
                    size.get("height"),
                    "scale",
                    1)));
    return java.util.Base64.getDecoder()
        .decode((String) ((java.util.Map<?, ?>) result).get("data"));
  }

  public void scrollAndClick(WebElement element) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block:'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  private void click(By by) {
    scrollAndClick(wait.until(ExpectedConditions.elementToBeClickable(by)));
  }
}
