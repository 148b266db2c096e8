package pelcro.exports.contract.support;

import static io.restassured.RestAssured.given;

import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.apache.http.conn.ConnectTimeoutException;

/**
 * The check before the suite: the target answers, the Enterprise key and its site are accepted, the
 * basic key gets the non-Enterprise status, the second account (when given) is accepted and, on a
 * sandbox target, the control API answers. A few requests, paced like the suite's; the first
 * problem found stops the run with one line naming it and the option that fixes it, instead of
 * every test failing the same way.
 */
public final class Preflight {
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int ANSWER_TIMEOUT_MS = 30_000;
  private static final String NO_SUCH_KEY = "sk_contract_preflight_no_such_key";

  private final Target target;
  private final OptionStyle names;
  private final RestAssuredConfig http;

  private Preflight(Target target, OptionStyle names) {
    this.target = target;
    this.names = names;
    RestAssuredConfig paced = Api.paced(target.pacer());
    this.http =
        paced.httpClient(
            paced
                .getHttpClientConfig()
                .setParam("http.connection.timeout", CONNECT_TIMEOUT_MS)
                .setParam("http.socket.timeout", ANSWER_TIMEOUT_MS));
  }

  /**
   * Runs the checks against {@code target}; throws {@link PreflightFailure} at the first problem.
   */
  public static void check(Target target, OptionStyle names) {
    new Preflight(target, names).run();
  }

  private void run() {
    checkUrl();
    Account enterprise =
        configured(
            target::enterprise,
            "enterpriseKey",
            "siteId",
            "an Enterprise account's key and one of its sites");
    Account basic =
        configured(
            target::basic,
            "basicKey",
            "basicSiteId",
            "a non-Enterprise account's key and its site");
    expectAccepted(list(enterprise), enterprise, "enterpriseKey", "siteId", "the Enterprise key");
    checkBasic(basic);
    checkOther(enterprise);
    if (target.hasControlApi()) {
      checkControlApi();
    }
  }

  private void checkUrl() {
    URI uri;
    try {
      uri = URI.create(target.baseUrl());
    } catch (IllegalArgumentException e) {
      throw fail(
          "the base URL %s is not a URL (%s); check %s",
          target.baseUrl(), e.getMessage(), names.of("baseUrl"));
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
      throw fail(
          "the base URL %s is not an http(s) URL; check %s, e.g. http://127.0.0.1:8080/api/v1/core",
          target.baseUrl(), names.of("baseUrl"));
    }
  }

  private Account configured(Supplier<Account> account, String key, String site, String what) {
    try {
      return account.get();
    } catch (IllegalStateException e) {
      throw fail(
          "%s and %s are not set: a run against %s needs %s",
          names.of(key), names.of(site), target.baseUrl(), what);
    }
  }

  private void checkBasic(Account basic) {
    Response r = list(basic);
    int expected = target.nonEnterpriseStatus();
    if (r.statusCode() == 200) {
      throw fail(
          "the basic key %s is accepted for Exports (200): it must be a non-Enterprise account's key (%s)",
          Account.mask(basic.key()), names.of("basicKey"));
    }
    if (r.statusCode() == 400 && siteRefused(r)) {
      throw fail(
          "site %d is refused for the basic key (400 %s): it must be that account's site; check %s",
          basic.siteId(), siteError(r), names.of("basicSiteId"));
    }
    if (r.statusCode() != expected) {
      expectKnownStatus(r, "the basic key");
      throw fail(
          "the basic key %s gets %d %s, but the suite expects %d for a non-Enterprise account; check %s, or set %s %d",
          Account.mask(basic.key()),
          r.statusCode(),
          quoted(r),
          expected,
          names.of("basicKey"),
          names.of("nonEnterpriseStatus"),
          r.statusCode());
    }
    Response unknown = list(new Account(NO_SUCH_KEY, basic.siteId()));
    if (unknown.statusCode() == r.statusCode() && r.asString().equals(unknown.asString())) {
      throw fail(
          "the basic key %s is answered exactly like an unknown key (%d %s); check %s (%s skips this check)",
          Account.mask(basic.key()),
          r.statusCode(),
          quoted(r),
          names.of("basicKey"),
          names == OptionStyle.FLAG ? "--no-preflight" : "contract.preflight=false");
    }
  }

  private void checkOther(Account enterprise) {
    ContractConfig config = target.config();
    if (config.otherKey().isPresent() != config.otherSiteId().isPresent()) {
      throw fail(
          "%s and %s go together: give both (a second Enterprise account's key and site) or neither",
          names.of("otherKey"), names.of("otherSiteId"));
    }
    Optional<Account> other = target.other();
    if (other.isEmpty()) {
      return;
    }
    if (other.get().key().equals(enterprise.key())) {
      throw fail(
          "%s is the Enterprise key itself: it must be a second Enterprise account's key",
          names.of("otherKey"));
    }
    expectAccepted(
        list(other.get()), other.get(), "otherKey", "otherSiteId", "the other Enterprise key");
  }

  private void checkControlApi() {
    String control = target.admin().url();
    Response r = send(() -> given().config(http).get(control + "/clock"));
    if (r.statusCode() != 200) {
      throw fail(
          "the sandbox's control API at %s answers %d: %s needs a sandbox started without --no-admin; "
              + "for any other deployment leave %s out",
          control, r.statusCode(), names.of("target") + " sandbox", names.of("target"));
    }
  }

  private void expectAccepted(Response r, Account account, String key, String site, String who) {
    if (r.statusCode() == 200) {
      if (!r.asString().contains("\"data\"")) {
        throw fail(
            "%s/exports answers 200 without the Exports API's {\"data\": …}; %s must be the API's base URL, e.g. "
                + "http://127.0.0.1:8080/api/v1/core",
            target.baseUrl(), names.of("baseUrl"));
      }
      return;
    }
    if (r.statusCode() == 401 || r.statusCode() == 403) {
      throw fail(
          "%s %s is refused (%d %s): it must be an Enterprise account's key; check %s",
          who, Account.mask(account.key()), r.statusCode(), quoted(r), names.of(key));
    }
    if (r.statusCode() == 400 && siteRefused(r)) {
      throw fail(
          "site %d is refused for %s (400 %s): it must be one of that account's sites; check %s",
          account.siteId(), who, siteError(r), names.of(site));
    }
    expectKnownStatus(r, who);
    throw fail(
        "GET %s/exports with %s answers %d %s, expected 200",
        target.baseUrl(), who, r.statusCode(), quoted(r));
  }

  /** Statuses that say the target itself is wrong, whichever key asked. */
  private void expectKnownStatus(Response r, String who) {
    if (r.statusCode() == 404 || r.statusCode() == 405) {
      throw fail(
          "GET %s/exports answers %d %s: no Exports API there; %s must be the API's base URL, e.g. "
              + "http://127.0.0.1:8080/api/v1/core",
          target.baseUrl(), r.statusCode(), quoted(r), names.of("baseUrl"));
    }
    if (r.statusCode() == 429) {
      throw fail(
          "the target still answers 429 %s to %s after waiting out Retry-After: someone else is using up the "
              + "account's rate limit; try again in a minute, or lower %s",
          quoted(r), who, names.of("maxRequestsPerMinute"));
    }
    if (r.statusCode() >= 500) {
      throw fail(
          "GET %s/exports answers %d %s: the target is failing",
          target.baseUrl(), r.statusCode(), quoted(r));
    }
  }

  private Response list(Account account) {
    return send(
        () ->
            given()
                .config(http)
                .baseUri(target.baseUrl())
                .header("Authorization", "Bearer " + account.key())
                .queryParam("site_id", account.siteId())
                .get("/exports"));
  }

  private Response send(Supplier<Response> call) {
    try {
      return call.get();
    } catch (Exception e) { // REST Assured rethrows the client's IOException unchecked
      throw unreachable(e);
    }
  }

  private PreflightFailure unreachable(Throwable e) {
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      root = t;
      if (t instanceof UnknownHostException) {
        throw fail(
            "cannot resolve the host of %s (%s); check %s",
            target.baseUrl(), t.getMessage(), names.of("baseUrl"));
      }
      if (t instanceof SSLException) {
        throw fail(
            "TLS with %s failed (%s); check %s",
            target.baseUrl(), t.getMessage(), names.of("baseUrl"));
      }
      if (t instanceof ConnectTimeoutException
          || t instanceof java.net.SocketTimeoutException
              && "connect timed out".equals(t.getMessage())) {
        throw fail(
            "cannot connect to %s: no connection within %d s; is the sandbox (or API) running there? (%s)",
            target.baseUrl(), CONNECT_TIMEOUT_MS / 1000, names.of("baseUrl"));
      }
      if (t instanceof InterruptedIOException) {
        throw fail(
            "no answer from %s within %d s (%s); is it the right address? (%s)",
            target.baseUrl(), ANSWER_TIMEOUT_MS / 1000, t.getMessage(), names.of("baseUrl"));
      }
    }
    return fail(
        "cannot connect to %s: %s; is the sandbox (or API) running there? (%s)",
        target.baseUrl(), root.getMessage(), names.of("baseUrl"));
  }

  private static boolean siteRefused(Response r) {
    try {
      Map<String, Object> errors = r.jsonPath().getMap("errors");
      return errors != null && errors.containsKey("site_id");
    } catch (RuntimeException notJson) {
      return false;
    }
  }

  /** The first {@code errors.site_id} message, in quotes. */
  private static String siteError(Response r) {
    try {
      return "\"" + r.jsonPath().getString("errors.site_id[0]") + "\"";
    } catch (RuntimeException notAList) {
      return quoted(r);
    }
  }

  /** The answer's {@code message} in quotes, or the start of its body. */
  private static String quoted(Response r) {
    String message = Exports.message(r);
    String text = message != null ? message : r.asString();
    text = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return "\"" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + "\"";
  }

  private static PreflightFailure fail(String format, Object... args) {
    return new PreflightFailure(String.format(format, args));
  }

  /** The first problem the preflight found, as one line naming it and the option that fixes it. */
  public static final class PreflightFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreflightFailure(String message) {
      // No stack trace: the message is the whole story.
      super(message, null, false, false);
    }
  }
}
