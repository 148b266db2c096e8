package pelcro.exports.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of protocol-level garbage: broken framing, early EOF, unknown versions and methods,
 * absurd headers, hostile Host headers, the static-file servlet and odd request targets. Each case
 * is complete or ends with a half-close, so the server can always answer at once; the stalled cases
 * ({@link #stalled}) wait on the server's own timeouts.
 *
 * @param host the Host header of well-behaved cases ({@code 127.0.0.1:<port>})
 * @param key a valid Enterprise key, for cases that should get past authentication
 */
public record Garbage(String host, String key) {
  private static final String API = "/api/v1/core/exports";

  /** A request line and the well-behaved Host header, for the headers and body to follow. */
  private String head(String method, String target) {
    return method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
  }

  /** Every fast case: each answers (or closes) without waiting on a server timeout. */
  public List<RawScript> cases() {
    List<RawScript> out = new ArrayList<>();
    String auth = "Authorization: Bearer " + key + "\r\n";
    String json = "Content-Type: application/json\r\n";
    String post = head("POST", API + "?site_id=1001") + json;
    // Chunked bodies with broken framing.
    for (String size : List.of("zz", "-1", "fffffffffffffffffffff", "0x10", " 5", "5 ;", "")) {
      out.add(
          half(
              "chunk-size-" + printableName(size),
              post
                  + auth
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + size
                  + "\r\n{\"a\":1}\r\n0\r\n\r\n",
              "POST"));
      out.add(
          half(
              "chunk-size-" + printableName(size) + "-no-key",
              post + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{\"a\":1}\r\n0\r\n\r\n",
              "POST"));
    }
    out.add(
        half(
            "chunk-extension-garbage",
            post
                + auth
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "7;;;=\"\r\n{\"a\":1}\r\n0\r\n\r\n",
            "POST"));
    out.add(
        half(
            "chunked-without-last-chunk",
            post + auth + "Transfer-Encoding: chunked\r\n\r\n" + "7\r\n{\"a\":1}\r\n",
            "POST"));
    out.add(
        half(
            "chunk-longer-than-declared",
            post + auth + "Transfer-Encoding: chunked\r\n\r\n" + "2\r\n{\"a\":1}\r\n0\r\n\r\n",
            "POST"));
    out.add(
        half(
            "chunked-bad-trailer",
            post
                + auth
                + "Transfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\nX: \u0001\r\nno colon\r\n\r\n",
            "POST"));
    out.add(
        half(
            "transfer-encoding-gzip-chunked",
            post + auth + "Transfer-Encoding: gzip, chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
            "POST"));
    out.add(
        half("transfer-encoding-unknown", post + auth + "Transfer-Encoding: zz\r\n\r\n{}", "POST"));
    out.add(
        half(
            "content-length-and-chunked",
            post
                + auth
                + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
            "POST"));
    // Content-Length lies.
    out.add(
        half(
            "early-eof-body-shorter-than-content-length",
            post + auth + "Content-Length: 100\r\n\r\n{\"object\":",
            "POST"));
    out.add(half("early-eof-no-key", post + "Content-Length: 100\r\n\r\n{\"object\":", "POST"));
    out.add(half("early-eof-empty-body", post + "Content-Length: 10\r\n\r\n", "POST"));
    out.add(half("content-length-negative", post + auth + "Content-Length: -1\r\n\r\n{}", "POST"));
    out.add(
        half("content-length-not-a-number", post + auth + "Content-Length: abc\r\n\r\n{}", "POST"));
    out.add(
        half(
            "content-length-huge",
            post + auth + "Content-Length: 99999999999999999999999\r\n\r\n{}",
            "POST"));
    out.add(
        half(
            "content-length-twice-different",
            post + auth + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} ",
            "POST"));
    out.add(
        half(
            "content-length-over-limit-no-body",
            post + auth + "Content-Length: 2000000000\r\n\r\n",
            "POST"));
    // Versions and request lines.
    out.add(half("http-0.9", "GET " + API + "\r\n\r\n", "GET"));
    out.add(half("http-0.9-declared", "GET " + API + " HTTP/0.9\r\n\r\n", "GET"));
    for (String version :
        List.of(
            "HTTP/1.2",
            "HTTP/2.0",
            "HTTP/7.3",
            "HTTP/1.1.1",
            "HTTX/1.1",
            "http/1.1",
            "HTTP/01.1",
            "HTTP/1.1 extra")) {
      out.add(
          half(
              "version-" + printableName(version),
              "GET "
                  + API
                  + "?site_id=1001 "
                  + version
                  + "\r\nHost: "
                  + host
                  + "\r\n"
                  + auth
                  + "\r\n",
              "GET"));
    }
    out.add(half("http2-preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "GET"));
    out.add(
        half(
            "h2c-upgrade",
            head("GET", API + "?site_id=1001")
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n",
            "GET"));
    out.add(
        half(
            "websocket-upgrade",
            head("GET", API)
                + "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
            "GET"));
    // Empty lines before a request are to be ignored (RFC 9112, 2.2): closing is a fair answer.
    out.add(
        new RawScript(
            "empty-request",
            List.of(new RawScript.Write(latin1("\r\n\r\n")), new RawScript.HalfClose()),
            false,
            "GET",
            API));
    out.add(half("spaces-only", "     \r\n\r\n", "GET"));
    out.add(
        half(
            "tls-client-hello",
            "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003",
            "GET"));
    out.add(half("binary-noise", "\u0000\u00ff\u00fe\u0001\r\n\u0000\r\n\r\n", "GET"));
    out.add(
        half(
            "bare-lf-line-endings",
            "GET "
                + API
                + "?site_id=1001 HTTP/1.1\nHost: "
                + host
                + "\n"
                + auth.replace("\r\n", "\n")
                + "\n",
            "GET"));
    out.add(
        half("bare-cr-line-endings", "GET " + API + " HTTP/1.1\rHost: " + host + "\r\r", "GET"));
    out.add(
        half(
            "request-line-tabs",
            "GET\t" + API + "\tHTTP/1.1\r\nHost: " + host + "\r\n\r\n",
            "GET"));
    out.add(
        half(
            "uri-8k",
            head("GET", API + "?site_id=1001&x=" + "a".repeat(8192)) + auth + "\r\n",
            "GET"));
    out.add(half("uri-70k", head("GET", API + "?x=" + "a".repeat(70_000)) + "\r\n", "GET"));
    out.add(
        half(
            "query-10000-params",
            head("GET", API + "?" + "site_id=1001&".repeat(10_000)) + auth + "\r\n",
            "GET"));
    // Methods.
    out.add(half("connect-path", head("CONNECT", API) + "\r\n", "CONNECT"));
    out.add(
        half(
            "connect-authority",
            "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
            "CONNECT"));
    out.add(half("connect-admin", head("CONNECT", "/__admin") + "\r\n", "CONNECT"));
    for (String method :
        List.of(
            "TRACE", "TRACK", "FOO", "get", "PROPFIND", "M-SEARCH", "DEBUG", "G".repeat(5000))) {
      out.add(
          half(
              "method-" + printableName(method.length() > 20 ? "5000-letters" : method),
              head(method, API + "?site_id=1001") + auth + "\r\n",
              method));
    }
    out.add(half("trace-with-key", head("TRACE", "/") + auth + "Cookie: secret\r\n\r\n", "TRACE"));
    // Headers.
    String get = head("GET", API + "?site_id=1001");
    out.add(
        half(
            "header-value-16k",
            get + "X-Big: " + "b".repeat(16_384) + "\r\n" + auth + "\r\n",
            "GET"));
    out.add(half("header-value-1m", get + "X-Big: " + "b".repeat(1 << 20) + "\r\n\r\n", "GET"));
    out.add(half("headers-5000", get + "X-A: 1\r\n".repeat(5000) + "\r\n", "GET"));
    out.add(half("header-without-colon", get + "NoColonHere\r\n" + auth + "\r\n", "GET"));
    out.add(half("header-name-with-space", get + "Bad Name: x\r\n" + auth + "\r\n", "GET"));
    out.add(half("header-obs-fold", get + "Authorization: Bearer\r\n " + key + "\r\n\r\n", "GET"));
    out.add(half("header-nul-byte", get + "X-Nul: a\u0000b\r\n" + auth + "\r\n", "GET"));
    out.add(half("header-utf8-bad", get + "X-Bad: \u00ff\u00fe\u00c3\r\n" + auth + "\r\n", "GET"));
    out.add(
        half(
            "authorization-bad-utf8",
            get + "Authorization: Bearer sk_\u00ff\u00c3\u0028\r\n\r\n",
            "GET"));
    out.add(
        half(
            "authorization-twice",
            get + auth + "Authorization: Bearer sk_test_basic\r\n\r\n",
            "GET"));
    out.add(
        half(
            "no-host-http-1.1",
            "GET " + API + "?site_id=1001 HTTP/1.1\r\n" + auth + "\r\n",
            "GET"));
    out.add(half("two-hosts", get + "Host: evil.example\r\n" + auth + "\r\n", "GET"));
    out.add(
        half(
            "host-empty",
            "GET " + API + "?site_id=1001 HTTP/1.1\r\nHost:\r\n" + auth + "\r\n",
            "GET"));
    out.add(
        half(
            "host-garbage",
            "GET " + API + "?site_id=1001 HTTP/1.1\r\nHost: a b/c@d:99999\r\n" + auth + "\r\n",
            "GET"));
    out.add(
        half(
            "absolute-form-evil",
            head("GET", "http://evil.example" + API + "?site_id=1001") + auth + "\r\n",
            "GET"));
    out.add(half("asterisk-form", head("OPTIONS", "*") + "\r\n", "OPTIONS"));
    out.add(
        half(
            "expect-100-continue-then-eof",
            post + auth + "Expect: 100-continue\r\nContent-Length: 20\r\n\r\n",
            "POST"));
    out.add(
        half(
            "expect-unknown",
            post + auth + "Expect: 200-ok\r\nContent-Length: 2\r\n\r\n{}",
            "POST"));
    out.add(
        half(
            "content-encoding-gzip-declared",
            post + auth + "Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}",
            "POST"));
    out.add(
        half(
            "content-type-charset-bogus",
            head("POST", API + "?site_id=1001")
                + auth
                + "Content-Type: application/json; charset=x-bogus\r\nContent-Length: 2\r\n\r\n{}",
            "POST"));
    out.add(
        half(
            "content-type-multipart-no-boundary",
            head("POST", API + "?site_id=1001")
                + auth
                + "Content-Type: multipart/form-data\r\nContent-Length: 5\r\n\r\n--\r\n\r",
            "POST"));
    // Host header on the admin paths (no redirect may be built from it).
    for (String path :
        List.of(
            "/__admin",
            "/__admin/",
            "/__admin/sandbox/clock",
            "/__admin/webapp",
            "/__admin/swagger-ui",
            "/docs",
            "/__files")) {
      out.add(
          half(
              "host-evil-" + printableName(path),
              "GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n\r\n",
              "GET",
              path));
      out.add(
          half(
              "x-forwarded-host-evil-" + printableName(path),
              head("GET", path)
                  + "X-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n\r\n",
              "GET",
              path));
    }
    // WireMock's static-file servlet.
    for (String method :
        List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")) {
      for (String path :
          List.of(
              "/__files",
              "/__files/",
              "/__files/x.json",
              "/__files/../__admin",
              "/__files/%2e%2e/%2e%2e/")) {
        String body = method.equals("GET") || method.equals("HEAD") ? "" : "{}";
        out.add(
            half(
                "files-" + method + "-" + printableName(path),
                head(method, path) + "Content-Length: " + body.length() + "\r\n\r\n" + body,
                method,
                path));
      }
    }
    // Odd targets.
    for (String target :
        List.of(
            "/api/v1/core/exports/%2e%2e/%2e%2e/__admin",
            "/api/v1/core/../../__admin",
            "//api//v1//core//exports",
            "/api/v1/core/exports;jsessionid=1",
            "/api/v1/core/exports/..;/x",
            "/api/v1/core/exports%2F",
            "/api/v1/core/exports/%00",
            "/api/v1/core/exports/%ff%fe",
            "/api/v1/core/exports/\u00ff\u00fe",
            "/api/v1/core/exports?site_id=%zz",
            "/api/v1/core/exports?site_id=%ff%fe%fd",
            "/api/v1/core/exports?site_id=\u00ff",
            "/api/v1/core/exports?site_id=1001%00",
            "/api/v1/core/exports?%=%&&==",
            "/api/v1/core/exports?site_id[]=1001",
            "/api/v1/core/exports\\..\\..\\",
            "/api/v1/core/exports#frag",
            "/%",
            "/%%",
            "/%u0041",
            "/.",
            "/..",
            "/__admin/../api/v1/core/exports",
            "/api/v1/core/exports/" + "a".repeat(3000),
            "/api/v1/core/exports?site_id=" + "9".repeat(400))) {
      out.add(
          half(
              "target-" + printableName(target.length() > 40 ? target.substring(0, 40) : target),
              head("GET", target) + auth + "\r\n",
              "GET",
              pathOf(target)));
    }
    out.add(
        half(
            "pipelined-valid-then-garbage",
            get + auth + "\r\n" + "GARBAGE / HTTP/1.1\r\n\r\n\u0000\u0000",
            "GET"));
    out.add(half("pipelined-100-requests", (get + auth + "\r\n").repeat(100), "GET"));
    return out;
  }

  /**
   * Requests that stall: headers sent, part of the body sent, then nothing for {@code stallMillis}
   * (the server must time them out with a JSON 4xx), and headers never finished.
   */
  public List<RawScript> stalled(long stallMillis) {
    String post =
        head("POST", API + "?site_id=1001")
            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"object\":";
    return List.of(
        stall("stalled-body-no-key", post, "POST", stallMillis),
        stall(
            "stalled-body-with-key",
            post.replace("Content-Type", "Authorization: Bearer " + key + "\r\nContent-Type"),
            "POST",
            stallMillis),
        stall(
            "stalled-chunked-body",
            head("POST", API + "?site_id=1001") + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\"",
            "POST",
            stallMillis),
        stall("stalled-headers", head("GET", API) + "X-Half: ", "GET", stallMillis));
  }

  /** Sends {@code text}, then nothing for {@code stallMillis}; the answer may never come. */
  private static RawScript stall(String name, String text, String method, long stallMillis) {
    return new RawScript(
        name,
        List.of(new RawScript.Write(latin1(text)), new RawScript.Pause(stallMillis)),
        false,
        method,
        API);
  }

  private static RawScript half(String name, String text, String method) {
    return half(name, text, method, API);
  }

  private static RawScript half(String name, String text, String method, String path) {
    return RawScript.sendAndHalfClose(name, latin1(text), method, path);
  }

  /** Each char is one byte (so \u00ff is the byte 0xff, not its UTF-8 form). */
  static byte[] latin1(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String pathOf(String target) {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  private static String printableName(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (char c : s.toCharArray()) {
      out.write(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    String name = out.toString(StandardCharsets.US_ASCII);
    return name.isEmpty() ? "empty" : name;
  }
}
