package pelcro.exports.sandbox.tryit;

import static org.assertj.core.api.Assertions.assertThat;
import static pelcro.exports.openapi.ExportsSpec.requestExamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.store.Accounts;

class DocsPageTest {
  static final List<Account> BUILT_IN = Accounts.defaults().all();
  static final DocsGuide DEFAULT = DocsGuide.of(false, 30, BUILT_IN, true, true, 3, 120);
  static final DocsGuide TRY_IT = DocsGuide.of(true, 30, BUILT_IN, true, false, 1, 120);
  static final DocsGuide OWN_ACCOUNTS = DocsGuide.of(false, 30, List.of(), false, false, 0.5, 0);

  private final DocsPage docs = new DocsPage("/api/v1/core", DEFAULT);

  private static String page(DocsGuide guide) {
    return new String(
        new DocsPage("/api/v1/core", guide).get("/docs").orElseThrow().body(),
        StandardCharsets.UTF_8);
  }

  private static String section(String html, String id) {
    Matcher m =
        Pattern.compile("(?s)<(div|details|p)[^>]* id=\"" + id + "\".*?</\\1>").matcher(html);
    assertThat(m.find()).as("an element #%s in the page", id).isTrue();
    return m.group();
  }

  @Test
  void theIndexPageLoadsSwaggerUiFromTheWebjarAndItsOwnScriptFromTheSandbox() {
    String html = page(DEFAULT);
    assertThat(html)
        .contains(
            "/docs/swagger-ui-bundle.js",
            "/docs/sandbox-docs.js",
            "/docs/swagger-ui.css",
            "/docs/sandbox-docs.css");
    assertThat(html).doesNotContain("http://", "https://cdn", "unpkg", "jsdelivr");
    assertThat(docs.get("/docs/").orElseThrow().contentType()).startsWith("text/html");
  }

  @Test
  void thePageConfigNamesTheSpecTheHelpersAndTheSpecsSecurityScheme() throws Exception {
    JsonNode on = config(page(TRY_IT));
    JsonNode off = config(page(OWN_ACCOUNTS));

    assertThat(on.get("specUrl").asText()).isEqualTo("/docs/openapi.yaml");
    assertThat(on.get("securityScheme").asText())
        .isEqualTo(
            ExportsSpec.get()
                .model()
                .getComponents()
                .getSecuritySchemes()
                .keySet()
                .iterator()
                .next());
    assertThat(on.get("helpersPath").asText()).isEqualTo("/__sandbox");
    assertThat(on.get("tryItPrefix").asText()).isEqualTo("sk_try_");
    assertThat(off.get("helpersPath").isNull()).isTrue();
    assertThat(off.get("tryItPrefix").isNull()).isTrue();
  }

  @Test
  void aDefaultInstanceListsItsBuiltInKeysWithTheirSitesAndSaysTryItKeysAreRefused() {
    String keys = section(page(DEFAULT), "guide-keys");

    assertThat(keys)
        .contains(
            "data-mode=\"built-in\"",
            "<code>sk_test_enterprise</code><br><span class=\"guide-small\">Enterprise account</span></td><td>1001, 1002</td>",
            "<code>sk_test_enterprise_2</code><br><span class=\"guide-small\">Enterprise account</span></td><td>2001</td>",
            "<code>sk_test_basic</code><br><span class=\"guide-small\">not Enterprise",
            "data-use-key=\"sk_test_enterprise\"",
            "Keys of the form <code>sk_try_…</code> answer 401");
    assertThat(keys).doesNotContain("Make me a key");
  }

  @Test
  void aTryItInstanceInvitesVisitorsToMakeUpAKeyOfTheirOwnWithItsSites() {
    String keys = section(page(TRY_IT), "guide-keys");

    assertThat(keys)
        .contains(
            "data-mode=\"try-it\"",
            "<code>sk_try_</code> followed by 1 to 64",
            "with sites 1001, 1002",
            "deleted after 30 minutes",
            "id=\"make-key\"");
    assertThat(TryItTenants.isTryItKey(DocsGuide.EXAMPLE_TRY_IT_KEY)).isTrue();
    assertThat(keys).doesNotContain("answer 401", "data-use-key");
  }

  @Test
  void anInstanceWithItsOwnAccountsNamesNoKeyAtAll() {
    String html = page(OWN_ACCOUNTS);

    assertThat(section(html, "guide-keys"))
        .contains("data-mode=\"own-accounts\"", "use the API key and a site you were given");
    assertThat(html).doesNotContain("sk_test_", "data-use-key", "make-key");
    assertThat(section(html, "guide-curl"))
        .contains("KEY=<span data-key>your-key</span>", "SITE=your-site-id");
  }

  @Test
  void theWalkThroughUsesTheRealEndpointsTheSpecsFirstExampleAndItsMessages() throws Exception {
    String walk = section(page(DEFAULT), "guide-walkthrough");
    Object first = requestExamples(ExportsSpec.get().model()).values().iterator().next().getValue();

    assertThat(walk)
        .contains(
            "POST /exports?site_id=1001",
            "GET /exports/{uuid}?site_id=1001",
            "404",
            "200",
            "400",
            "for about 3 seconds on this instance",
            GuideHtml.h(ApiError.NOT_READY.message()),
            GuideHtml.h(ApiError.ALREADY_DOWNLOADED.message()),
            "href=\"#/Exports/requestExport\"",
            "href=\"#/Exports/downloadExport\"");
    Matcher body = Pattern.compile("(?s)such as <code>(.*?)</code>").matcher(walk);
    assertThat(body.find()).isTrue();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(body.group(1).replace("&quot;", "\"")))
        .isEqualTo(json.valueToTree(first));
    assertThat(body.group(1)).contains("&quot;object&quot;: ", ", &quot;date_from&quot;: ");
    assertThat(section(page(TRY_IT), "guide-walkthrough")).contains("about 1 second on");
    assertThat(section(page(OWN_ACCOUNTS), "guide-walkthrough"))
        .contains("site_id=<i>your-site</i>", "about 0.5 seconds");
    assertThat(
            section(
                page(DocsGuide.of(false, 30, BUILT_IN, false, false, 0, 120)), "guide-walkthrough"))
        .contains("on this instance, exports finish at once");
  }

  @Test
  void finishMyExportNowIsOfferedExactlyWhenTheTestHelpersAreOpen() {
    String open = section(page(TRY_IT), "guide-finish");
    String closed = section(page(OWN_ACCOUNTS), "guide-finish");

    assertThat(open)
        .contains(
            "data-helpers=\"open\"",
            "POST /__sandbox/exports/{uuid}/complete",
            "id=\"finish-uuid\"",
            "Finish my export now",
            "POST /__sandbox/clock/advance",
            "POST /__sandbox/reset");
    assertThat(section(page(TRY_IT), "guide-curl"))
        .contains("curl -s -X POST &quot;$ROOT/__sandbox/exports/$UUID/complete&quot;");
    assertThat(closed)
        .contains(
            "data-helpers=\"closed\"",
            "cannot be finished",
            "finishes by itself after about 0.5 seconds");
    assertThat(closed).doesNotContain("/__sandbox", "finish-uuid");
    assertThat(section(page(OWN_ACCOUNTS), "guide-curl")).doesNotContain("/__sandbox");
  }

  @Test
  void theLimitsLineFollowsTheRateLimitAndTheControlApi() {
    assertThat(section(page(DEFAULT), "guide-limits"))
        .contains("120 requests a minute", "/__admin/sandbox");
    assertThat(section(page(TRY_IT), "guide-limits")).doesNotContain("/__admin");
    assertThat(section(page(OWN_ACCOUNTS), "guide-limits")).contains("No rate limit");
  }

  @Test
  void textFromTheGuideIsEscaped() {
    DocsGuide odd =
        DocsGuide.of(
            false,
            30,
            List.of(new Account(1, "sk_<b>\"x\"", true, List.of(7L), 1, "a@example.com", null)),
            true,
            false,
            3,
            120);

    assertThat(section(page(odd), "guide-keys"))
        .contains("<code>sk_&lt;b&gt;&quot;x&quot;</code>")
        .doesNotContain("sk_<b>");
  }

  @Test
  void swaggerUiAssetsAreServedFromTheWebjarAndThePagesOwnFromTheSandbox() {
    DocsPage.Resource bundle = docs.get("/docs/swagger-ui-bundle.js").orElseThrow();
    assertThat(bundle.contentType()).startsWith("application/javascript");
    assertThat(bundle.body().length).isGreaterThan(100_000);
    assertThat(docs.get("/docs/swagger-ui.css").orElseThrow().contentType()).startsWith("text/css");
    assertThat(
            new String(
                docs.get("/docs/sandbox-docs.js").orElseThrow().body(), StandardCharsets.UTF_8))
        .contains("SwaggerUIBundle(", "/complete");
    assertThat(docs.get("/docs/sandbox-docs.css").orElseThrow().contentType())
        .startsWith("text/css");
  }

  @Test
  void theServedSpecHasThisSandboxAsItsOnlyServerAndIsOtherwiseTheSpec() {
    String yaml =
        new String(docs.get("/docs/openapi.yaml").orElseThrow().body(), StandardCharsets.UTF_8);
    OpenAPI api = new OpenAPIParser().readContents(yaml, null, null).getOpenAPI();

    assertThat(api.getServers()).hasSize(1);
    assertThat(api.getServers().get(0).getUrl()).isEqualTo("/api/v1/core");
    assertThat(withoutServers(yaml)).isEqualTo(withoutServers(ExportsSpec.get().yaml()));
    assertThat(api.getInfo().getDescription())
        .isEqualTo(ExportsSpec.get().model().getInfo().getDescription());
  }

  @Test
  void unknownOrTraversingPathsAreNotFound() {
    assertThat(docs.get("/docs/../pom.xml")).isEmpty();
    assertThat(docs.get("/docs/nothing.js")).isEmpty();
    assertThat(docs.get("/docs/a/b.js")).isEmpty();
    assertThat(docs.get("/docs/swagger-initializer.js")).isEmpty();
    assertThat(DocsPage.handles("/docsx")).isFalse();
    assertThat(DocsPage.handles("/docs/x")).isTrue();
  }

  private static String withoutServers(String yaml) {
    return yaml.replaceFirst("(?m)^servers:\\n(?:[ -].*\\n)+", "");
  }

  private static JsonNode config(String html) throws Exception {
    Matcher m =
        Pattern.compile(
                "(?s)<script id=\"sandbox-docs-config\" type=\"application/json\">(.*?)</script>")
            .matcher(html);
    assertThat(m.find()).isTrue();
    return new ObjectMapper().readTree(m.group(1));
  }
}
