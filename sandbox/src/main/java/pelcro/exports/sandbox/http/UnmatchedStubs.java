package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.Admin;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import com.github.tomakehurst.wiremock.verification.notmatched.NotMatchedRenderer;
import java.util.List;
import pelcro.exports.sandbox.domain.ApiError;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.log.ActivityLog;

/**
 * WireMock's answer to a request no stub matched: the vendor's JSON 404 ({@code {"message": ...}},
 * core-errors) instead of WireMock's plain-text page, and with {@code --verbose} a line naming the
 * closest stub (WireMock's near miss).
 */
final class UnmatchedStubs extends NotMatchedRenderer {
  private final ActivityLog log;

  UnmatchedStubs(ActivityLog log) {
    this.log = log;
  }

  @Override
  protected ResponseDefinition render(Admin admin, ServeEvent serveEvent) {
    String url = serveEvent.getRequest().getUrl();
    if (log.enabled()) {
      log.unmatched(serveEvent.getRequest().getMethod() + " " + url, closest(admin, serveEvent));
    }
    ErrorRenderer.Rendered rendered =
        ErrorRenderer.render(new ApiException(ApiError.ROUTE_NOT_FOUND, QueryString.path(url)));
    ResponseDefinitionBuilder answer =
        new ResponseDefinitionBuilder().withStatus(rendered.status()).withBody(rendered.body());
    rendered.headers().forEach(answer::withHeader);
    return answer.build();
  }

  /** The closest stub, by name or id with its method and URL; null when there is none. */
  private static String closest(Admin admin, ServeEvent event) {
    List<NearMiss> misses =
        admin.findTopNearMissesFor(LoggedRequest.createFrom(event.getRequest())).getNearMisses();
    if (misses.isEmpty()) {
      return null;
    }
    StubMapping stub = misses.get(0).getStubMapping();
    String name =
        stub.getName() != null ? "\"" + stub.getName() + "\"" : String.valueOf(stub.getId());
    return name
        + " ("
        + stub.getRequest().getMethod()
        + " "
        + stub.getRequest().getUrlMatcher().getExpected()
        + ")";
  }
}
