package pelcro.exports.sandbox.http;

import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds the user's stubs that would answer one of the sandbox's own paths: those paths are always
 * the sandbox's (a stub never answers there), and such a stub is most likely a mistake, so the
 * start and the admin call that adds it say so.
 */
final class StubShadows {
  /** The header on the answer to an admin call that added a shadowing stub. */
  static final String HEADER = "X-Sandbox-Shadowed";

  private static final Logger LOG = Logger.getLogger(StubShadows.class.getName());

  /** One URL of each kind the sandbox owns, as a client would send it. */
  private static final List<String> OWNED =
      List.of(
          Routes.EXPORTS_PATH,
          Routes.EXPORTS_PATH + "?site_id=1001",
          Routes.EXPORTS_PATH + "/7a3e9c1d-51b5-4b0e-9f5c-2d0a8f6b1e47?site_id=1001",
          Routes.HELPERS_PATH + "/clock",
          "/health",
          "/docs");

  private StubShadows() {}

  /** The warning for this stub, when it would answer one of the sandbox's paths. */
  static Optional<String> warning(StubMapping stub) {
    RequestPattern request = stub.getRequest();
    UrlPattern url = request == null ? UrlPattern.ANY : request.getUrlMatcher();
    List<String> shadowed =
        OWNED.stream()
            .filter(owned -> url.match(owned).isExactMatch())
            .map(StubShadows::path)
            .distinct()
            .toList();
    String expected = url.getExpected();
    if (shadowed.isEmpty() && expected != null && Routes.owns(path(expected))) {
      shadowed = List.of(path(expected));
    }
    if (shadowed.isEmpty()) {
      return Optional.empty();
    }
    String name =
        stub.getName() != null ? "\"" + stub.getName() + "\"" : String.valueOf(stub.getId());
    return Optional.of(
        "Stub "
            + name
            + " ("
            + (request == null ? "ANY" : request.getMethod())
            + " "
            + (expected == null ? "any URL" : expected)
            + ") matches "
            + String.join(", ", shadowed)
            + ", which the sandbox serves itself: the sandbox answers there, never this stub.");
  }

  /** Warns about each stub that would shadow the sandbox's paths; returns the warnings. */
  static List<String> report(List<StubMapping> stubs) {
    List<String> warnings =
        stubs.stream().map(StubShadows::warning).flatMap(Optional::stream).toList();
    warnings.forEach(w -> LOG.logp(Level.WARNING, StubShadows.class.getName(), "report", w));
    return warnings;
  }

  private static String path(String url) {
    return QueryString.path(url);
  }
}
