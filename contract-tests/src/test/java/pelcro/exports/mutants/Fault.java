package pelcro.exports.mutants;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One deliberate misbehaviour, applied by the mutant proxy to the sandbox's honest answers.
 * Subclasses rewrite only the responses they target and pass every other one through.
 */
abstract class Fault implements ResponseTransformerV2 {
  private final String breaks;
  private final List<String> checkedBy;

  Fault(String breaks, List<String> checkedBy) {
    this.breaks = breaks;
    this.checkedBy = List.copyOf(checkedBy);
  }

  Fault(String breaks, String checkedBy) {
    this(breaks, List.of(checkedBy));
  }

  /** Which documented behaviour the fault breaks, for the kill report. */
  final String breaks() {
    return breaks;
  }

  /**
   * Simple names of the suite's classes that check that behaviour (the subset run against this
   * fault).
   */
  final List<String> checkedBy() {
    return checkedBy;
  }

  @Override
  public String getName() {
    return getClass().getSimpleName();
  }

  static boolean isDownload(ServeEvent e) {
    return e.getRequest().getMethod().getName().equals("GET")
        && e.getRequest().getUrl().matches(".*/exports/[^/?]+(\\?.*)?");
  }

  static boolean isPost(ServeEvent e) {
    return e.getRequest().getMethod().getName().equals("POST")
        && e.getRequest().getUrl().matches(".*/exports(\\?.*)?");
  }

  static String text(Response r) {
    return new String(r.getBody(), StandardCharsets.UTF_8);
  }

  /** The response with a new body (and a Content-Length that no longer lies). */
  static Response withBody(Response r, int status, byte[] body) {
    return Response.Builder.like(r)
        .but()
        .status(status)
        .headers(withoutLength(r.getHeaders(), null))
        .body(body)
        .build();
  }

  static Response withBody(Response r, int status, String body) {
    return withBody(r, status, body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpHeaders withoutLength(HttpHeaders headers, HttpHeader replacement) {
    List<HttpHeader> kept = new ArrayList<>();
    for (HttpHeader h : headers.all()) {
      String key = h.key();
      if (!key.equalsIgnoreCase("Content-Length")
          && !key.equalsIgnoreCase("Transfer-Encoding")
          && (replacement == null || !key.equalsIgnoreCase(replacement.key()))) {
        kept.add(h);
      }
    }
    if (replacement != null) {
      kept.add(replacement);
    }
    return new HttpHeaders(kept);
  }
}
