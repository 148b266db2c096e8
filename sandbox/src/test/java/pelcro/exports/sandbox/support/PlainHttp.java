package pelcro.exports.sandbox.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import pelcro.exports.sandbox.Sandbox;

/**
 * Calls to the sandbox's API as a page or cURL makes them, without the spec's validator: a key, the
 * first site, and the docs' example body.
 */
public final class PlainHttp {
  /** The docs' example request: subscriptions from 2024-01-01 to 2024-04-01. */
  public static final String DOCS_BODY =
      "{\"object\":\"subscriptions\",\"date_from\":1704067200,\"date_to\":1711929600}";

  private PlainHttp() {}

  /** Requests an export of {@code body} on site 1001, and gives the answer whatever it is. */
  public static Response postExport(Sandbox sandbox, String key, String body) {
    return given()
        .auth()
        .oauth2(key)
        .contentType(ContentType.JSON)
        .body(body)
        .when()
        .post(sandbox.baseUrl() + "/exports?site_id=1001");
  }

  /** The same, asserting a 200, and gives the export's uuid. */
  public static String queueExport(Sandbox sandbox, String key, String body) {
    return postExport(sandbox, key, body).then().statusCode(200).extract().path("data.uuid");
  }

  /** A GET of {@code pathAndQuery} under the API's base URL. */
  public static Response get(Sandbox sandbox, String key, String pathAndQuery) {
    return given().auth().oauth2(key).when().get(sandbox.baseUrl() + pathAndQuery);
  }

  /**
   * A JDK client's request of {@code method} on {@code url}, with {@code body} (or none if null).
   */
  public static HttpRequest.Builder request(String method, String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
  }

  /**
   * Writes a download's request by hand on {@code socket}, with {@code headers} (each ending in
   * CRLF) between the Host and the Authorization lines.
   */
  public static void writeDownloadRequest(
      Socket socket, String uuid, long site, String key, String headers) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET /api/v1/core/exports/"
                    + uuid
                    + "?site_id="
                    + site
                    + " HTTP/1.1\r\nHost: x\r\n"
                    + headers
                    + "Authorization: Bearer "
                    + key
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
  }
}
