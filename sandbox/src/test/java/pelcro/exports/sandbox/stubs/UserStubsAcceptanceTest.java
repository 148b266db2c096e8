package pelcro.exports.sandbox.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static pelcro.exports.sandbox.Fixtures.ENTERPRISE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.junit.SandboxHandle;
import pelcro.exports.sandbox.support.PlainHttp;

/**
 * The user's WireMock stubs next to the sandbox: a root folder ({@code --root-dir}), WireMock's
 * stub admin API, the sandbox's paths always its own, and the vendor's JSON 404 when no stub
 * matches.
 */
class UserStubsAcceptanceTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String CUSTOMERS_STUB =
      """
      {"name": "customers", "request": {"method": "GET", "urlPath": "/api/v1/core/customers"},
       "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                    "bodyFileName": "customers.json"}}""";
  private static final String SHADOWING_STUB =
      """
      {"name": "my exports", "request": {"method": "GET", "urlPathPattern": "/api/v1/core/.*"},
       "response": {"status": 418, "body": "stub"}}""";

  @Test
  void stubsOfTheRootFolderAnswerEveryPathTheSandboxDoesNotOwn(@TempDir Path root)
      throws Exception {
    rootFolder(root, CUSTOMERS_STUB);
    try (Sandbox sandbox = Sandbox.builder().port(0).rootDir(root).start()) {
      HttpResponse<String> customers = fetch(sandbox, "/api/v1/core/customers");
      assertThat(customers.statusCode()).isEqualTo(200);
      assertThat(customers.body()).contains("\"Ada\"");
      assertThat(sandbox.shadowingStubs()).isEmpty();
      assertThat(api(sandbox, "/exports?site_id=1001").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aRootDirThatIsNoFolderIsRefusedBeforeAnythingStarts(@TempDir Path root) {
    assertThatThrownBy(() -> Sandbox.builder().rootDir(root.resolve("missing")).options())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a folder");
  }

  @Test
  void aStubThatWouldShadowTheSandboxsPathsNeverAnswersThereAndTheStartSaysSo(@TempDir Path root)
      throws Exception {
    rootFolder(root, SHADOWING_STUB);
    try (Sandbox sandbox = Sandbox.builder().port(0).rootDir(root).start()) {
      assertThat(sandbox.shadowingStubs())
          .singleElement()
          .asString()
          .contains("\"my exports\"", "/api/v1/core/exports", "never this stub");
      HttpResponse<String> exports = api(sandbox, "/exports?site_id=1001");
      assertThat(exports.statusCode()).isEqualTo(200);
      assertThat(exports.body()).startsWith("{\"data\"");
      assertThat(fetch(sandbox, "/api/v1/core/plans").statusCode()).isEqualTo(418);
    }
  }

  @Test
  void theAdminApiAddsListsAndRemovesStubsAndResetNeverRemovesTheSandboxsRoutes() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      String stub =
          """
          {"request": {"method": "GET", "url": "/api/v1/core/plans"},
           "response": {"status": 200, "jsonBody": {"data": []}}}""";
      HttpResponse<String> added = addStub(sandbox, stub);
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(added.headers().firstValue("X-Sandbox-Shadowed")).isEmpty();
      assertThat(fetch(sandbox, "/api/v1/core/plans").body()).isEqualTo("{\"data\":[]}");
      assertThat(fetch(sandbox, "/__admin/mappings").body()).contains("/api/v1/core/plans");

      assertThat(send(sandbox, "POST", "/__admin/reset", null, null).statusCode()).isEqualTo(200);
      assertThat(fetch(sandbox, "/api/v1/core/plans").statusCode()).isEqualTo(404);
      assertThat(api(sandbox, "/exports?site_id=1001").statusCode()).isEqualTo(200);

      addStub(sandbox, stub);
      assertThat(send(sandbox, "POST", "/__admin/mappings/reset", null, null).statusCode())
          .isEqualTo(200);
      assertThat(fetch(sandbox, "/__admin/mappings").body()).doesNotContain("/api/v1/core/plans");
    }
  }

  @Test
  void aStubAddedThroughTheAdminApiRendersWireMocksResponseTemplates() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      String stub =
          """
          {"request": {"method": "GET", "urlPath": "/api/v1/core/plans"},
           "response": {"status": 200, "body": "plan {{request.query.id}}",
                        "transformers": ["response-template"]}}""";
      assertThat(addStub(sandbox, stub).statusCode()).isEqualTo(201);
      assertThat(fetch(sandbox, "/api/v1/core/plans?id=7").body()).isEqualTo("plan 7");
    }
  }

  @Test
  void addingAShadowingStubThroughTheAdminApiSaysSoAndTheSandboxStillAnswers() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      HttpResponse<String> added = addStub(sandbox, SHADOWING_STUB);
      assertThat(added.statusCode()).isEqualTo(201);
      assertThat(added.headers().firstValue("X-Sandbox-Shadowed"))
          .get()
          .asString()
          .contains("/api/v1/core/exports", "never this stub");
      assertThat(api(sandbox, "/exports?site_id=1001").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theJournalMasksTheKeysOfRequestsTheStubsServed() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).start()) {
      addStub(
          sandbox,
          "{\"request\":{\"urlPath\":\"/api/v1/core/plans\"},\"response\":{\"status\":200}}");
      HTTP.send(
          HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/plans?api_key=" + ENTERPRISE))
              .header("Authorization", "Bearer " + ENTERPRISE)
              .build(),
          HttpResponse.BodyHandlers.ofString());
      String journal = fetch(sandbox, "/__admin/requests").body();
      assertThat(journal).contains("/api/v1/core/plans", "sk_test_…").doesNotContain(ENTERPRISE);
    }
  }

  @Test
  void theAdminTokenGuardsTheStubAdminApiAsItGuardsTheControlApi() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).adminToken("s3cret").start()) {
      String stub = "{\"request\":{\"url\":\"/x\"},\"response\":{\"status\":204}}";
      assertThat(addStub(sandbox, stub).statusCode()).isEqualTo(401);
      assertThat(send(sandbox, "POST", "/__admin/reset", null, null).statusCode()).isEqualTo(401);
      assertThat(send(sandbox, "POST", "/__admin/mappings", stub, "s3cret").statusCode())
          .isEqualTo(201);
      assertThat(fetch(sandbox, "/x").statusCode()).isEqualTo(204);
    }
  }

  @Test
  void theHandlesWireMockClientSendsTheAdminToken() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).adminToken("s3cret").start()) {
      new SandboxHandle(sandbox)
          .wireMock()
          .register(get(urlPathEqualTo("/api/v1/core/plans")).willReturn(okJson("{\"data\": []}")));
      assertThat(fetch(sandbox, "/api/v1/core/plans").body()).isEqualTo("{\"data\": []}");
    }
  }

  @Test
  void withNoAdminTheAdminApiIsClosedButFileStubsAreStillServed(@TempDir Path root)
      throws Exception {
    rootFolder(root, CUSTOMERS_STUB);
    try (Sandbox sandbox = Sandbox.builder().port(0).admin(false).rootDir(root).start()) {
      assertThat(fetch(sandbox, "/__admin/mappings").statusCode()).isEqualTo(404);
      assertThat(addStub(sandbox, CUSTOMERS_STUB).statusCode()).isEqualTo(404);
      assertThat(fetch(sandbox, "/api/v1/core/customers").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anUnmatchedRequestAnswersTheVendorsJson404AndVerboseNamesTheClosestStub() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try (Sandbox sandbox = Sandbox.builder().port(0).verbose(true).start()) {
      addStub(
          sandbox,
          """
          {"name": "one customer", "request": {"method": "GET",
           "urlPath": "/api/v1/core/customers/1"}, "response": {"status": 200}}""");
      HttpResponse<String> missed = fetch(sandbox, "/api/v1/core/customers/2");
      assertThat(missed.statusCode()).isEqualTo(404);
      assertThat(missed.headers().firstValue("Content-Type"))
          .get()
          .asString()
          .startsWith("application/json");
      assertThat(missed.body())
          .isEqualTo("{\"message\":\"The route /api/v1/core/customers/2 could not be found.\"}");
      assertThat(fetch(sandbox, "/__admin/requests/unmatched/near-misses").body())
          .contains("/api/v1/core/customers/1");
    } finally {
      System.setOut(stdout);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "GET /api/v1/core/customers/2 -> 404, no stub matched; closest stub: "
                + "\"one customer\"");
  }

  private static void rootFolder(Path root, String stub) throws IOException {
    Files.createDirectories(root.resolve("mappings"));
    Files.createDirectories(root.resolve("__files"));
    Files.writeString(root.resolve("mappings/stub.json"), stub);
    Files.writeString(
        root.resolve("__files/customers.json"),
        "{\"data\": [{\"id\": 1, \"first_name\": \"Ada\"}]}");
  }

  private static HttpResponse<String> api(Sandbox sandbox, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("Authorization", "Bearer " + ENTERPRISE)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Adds {@code stub} through WireMock's admin API, without a token. */
  private static HttpResponse<String> addStub(Sandbox sandbox, String stub)
      throws IOException, InterruptedException {
    return send(sandbox, "POST", "/__admin/mappings", stub, null);
  }

  /** A GET of {@code path} under the sandbox's root, without a token. */
  private static HttpResponse<String> fetch(Sandbox sandbox, String path)
      throws IOException, InterruptedException {
    return send(sandbox, "GET", path, null, null);
  }

  private static HttpResponse<String> send(
      Sandbox sandbox, String method, String path, String body, String adminToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = PlainHttp.request(method, sandbox.rootUrl() + path, body);
    if (adminToken != null) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
