package pelcro.exports.sandbox.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;

/**
 * Refuses, before WireMock sees them, the requests that WireMock itself would choke on or keep
 * whole in memory: bodies over the limit (413), compressed, multipart or form bodies, and
 * undecodable query strings (400). WireMock copies every body into its journal, so the limit
 * has to hold before it reads one.
 */
final class RequestGuardFilter implements Filter {
  private final int maxBodyBytes;
  private final boolean closed;

  /**
   * @param closed answer every request with 404 (the admin API under {@code --no-admin})
   */
  RequestGuardFilter(int maxBodyBytes, boolean closed) {
    this.maxBodyBytes = maxBodyBytes;
    this.closed = closed;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (closed) {
      refuse(response, new ApiException(ApiError.ROUTE_NOT_FOUND, request.getRequestURI()));
      return;
    }
    if (!QueryString.decodable(request.getQueryString())) {
      refuse(response, ApiException.invalid("query", "The query string is malformed."));
      return;
    }
    if (request.getContentLengthLong() > maxBodyBytes) {
      refuse(response, new ApiException(ApiError.BODY_TOO_LARGE));
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBodyBytes + 1);
    if (body.length > maxBodyBytes) {
      refuse(response, new ApiException(ApiError.BODY_TOO_LARGE));
      return;
    }
    if (body.length > 0 && !plainBody(request, body)) {
      refuse(response, ApiException.invalid("body", "The body must be a JSON object."));
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** No compression (a gzip bomb) and no multipart or form parsing, which WireMock would try. */
  private static boolean plainBody(HttpServletRequest request, byte[] body) {
    String encoding = request.getHeader("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
      return false;
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
      return false;
    }
    return true;
  }

  /**
   * Form and multipart types make WireMock parse the body as such (and fail on bad input); every
   * body is JSON to the sandbox, so those types are read as JSON (curl -d sends a form type).
   */
  private static boolean parsedByWireMock(String contentType) {
    String lower = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    return lower.startsWith("multipart/")
        || lower.contains("x-www-form-urlencoded")
        || !knownCharset(lower);
  }

  /** WireMock decodes bodies with the declared charset and fails on an unknown one. */
  private static boolean knownCharset(String contentType) {
    int at = contentType.indexOf("charset=");
    if (at < 0) {
      return true;
    }
    String name = contentType.substring(at + "charset=".length()).split("[;,\\s]")[0]
        .replace("\"", "");
    try {
      return java.nio.charset.Charset.isSupported(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static void refuse(HttpServletResponse response, ApiException e) throws IOException {
    ErrorRenderer.Rendered rendered = ErrorRenderer.render(e);
    response.setStatus(rendered.status());
    rendered.headers().forEach(response::setHeader);
    response.setHeader("Connection", "close");
    response.setContentLength(rendered.body().length);
    response.getOutputStream().write(rendered.body());
  }

  /** The request with its body already read (and bounded). */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public String getContentType() {
      String type = super.getContentType();
      return parsedByWireMock(type) ? "application/json" : type;
    }

    @Override
    public String getHeader(String name) {
      return name.equalsIgnoreCase("Content-Type") ? getContentType() : super.getHeader(name);
    }

    @Override
    public java.util.Enumeration<String> getHeaders(String name) {
      if (name.equalsIgnoreCase("Content-Type") && getContentType() != null) {
        return java.util.Collections.enumeration(java.util.List.of(getContentType()));
      }
      return super.getHeaders(name);
    }

    @Override
    public String getCharacterEncoding() {
      return parsedByWireMock(super.getContentType()) ? "UTF-8" : super.getCharacterEncoding();
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("Blocking reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }
  }
}
