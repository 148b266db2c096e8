package pelcro.exports.sandbox.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.WireMockBuilder;
import com.github.tomakehurst.wiremock.security.SingleHeaderClientAuthenticator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import pelcro.exports.client.SandboxControlClient;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.lint.LintFinding;

/**
 * What a test sees of its sandbox: the base URL, the keys and sites to use, and a small client of
 * the control calls (clock, complete, fail, reset, faults) and the integrator lint's findings.
 *
 * <p>Two kinds: a sandbox of the test class's own ({@link #SandboxHandle(Sandbox)}; the control
 * calls act on the whole sandbox), or a session on a shared sandbox ({@link #session}; fresh
 * accounts of the test class's own, whose control calls act on those accounts only, through the
 * test helpers), so that test classes running in parallel against one sandbox never collide.
 */
public final class SandboxHandle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Findings cleared by {@link #reset()}, kept for {@code failOnLint}. */
  private final List<LintFinding> beforeResets = new ArrayList<>();

  private final Sandbox sandbox;
  private final String rootUrl;

  /** The control API: sessions and their lint, and every control call of a sandbox of its own. */
  private final SandboxControlClient admin;

  /**
   * The calls {@link #advanceClock} to {@link #faults}: the control API, or the session's helpers.
   */
  private final SandboxControlClient control;

  private final Keys keys;
  private final Keys other;

  /** The keys and sites of one Enterprise account and a non-Enterprise one. */
  private record Keys(
      String enterpriseKey, List<Long> sites, String basicKey, long basicSite, String sessionId) {}

  /** A handle on a sandbox of the test's own (the default accounts, or those of its file). */
  public SandboxHandle(Sandbox sandbox) {
    this.sandbox = sandbox;
    this.rootUrl = sandbox.rootUrl();
    this.admin = SandboxControlClient.controlApi(() -> rootUrl, sandbox.options().adminToken());
    this.control = admin;
    this.keys = fileKeys(sandbox, 0);
    this.other = fileKeys(sandbox, 1);
  }

  private SandboxHandle(String rootUrl, SandboxControlClient admin, Keys keys, Keys other) {
    this.sandbox = null;
    this.rootUrl = rootUrl;
    this.admin = admin;
    this.control = SandboxControlClient.testHelpers(() -> rootUrl, keys.enterpriseKey());
    this.keys = keys;
    this.other = other;
  }

  /**
   * A session on the sandbox at {@code url} (its root or its API base URL): two isolated Enterprise
   * accounts made for this handle, ended by {@link #close}. Needs its control API.
   */
  public static SandboxHandle session(String url) {
    String root = url.replaceAll("/+$", "").replaceAll("/api/v1/core$", "");
    SandboxControlClient admin = SandboxControlClient.controlApi(root);
    return new SandboxHandle(root, admin, newSession(admin), newSession(admin));
  }

  private static Keys newSession(SandboxControlClient admin) {
    JsonNode s = admin.createSession();
    return new Keys(
        s.get("enterprise_key").asText(),
        JSON.convertValue(
            s.get("site_ids"),
            JSON.getTypeFactory().constructCollectionType(List.class, Long.class)),
        s.get("basic_key").asText(),
        s.get("basic_site_id").asLong(),
        s.get("session_id").asText());
  }

  private static Keys fileKeys(Sandbox sandbox, int index) {
    List<Account> enterprise = sandbox.accounts().stream().filter(Account::enterprise).toList();
    Account basic =
        sandbox.accounts().stream().filter(a -> !a.enterprise()).findFirst().orElse(null);
    Account account = enterprise.get(Math.min(index, enterprise.size() - 1));
    return new Keys(
        account.key(),
        account.sites(),
        basic == null ? null : basic.key(),
        basic == null ? 0 : basic.sites().get(0),
        null);
  }

  /** The sandbox of the test's own; null for a session on a shared sandbox. */
  public Sandbox sandbox() {
    return sandbox;
  }

  /** Whether this handle is a session on a shared sandbox. */
  public boolean shared() {
    return sandbox == null;
  }

  /** {@code http://<host>:<port>/api/v1/core}. */
  public String baseUrl() {
    return rootUrl + "/api/v1/core";
  }

  public String rootUrl() {
    return rootUrl;
  }

  public int port() {
    return URI.create(rootUrl).getPort();
  }

  /**
   * WireMock's client of the same server, for stubs of the Core API's other endpoints next to the
   * sandbox's (customers, plans, ...): {@code handle.wireMock().register(get(urlPathEqualTo(
   * "/api/v1/core/customers")).willReturn(okJson("..."))}. It sends the admin token when the
   * sandbox has one. A sandbox's stubs are its own: on a shared sandbox every session sees them.
   */
  public WireMock wireMock() {
    URI root = URI.create(rootUrl);
    WireMockBuilder client = WireMock.create().host(root.getHost()).port(root.getPort());
    String token = sandbox == null ? null : sandbox.options().adminToken();
    if (token != null) {
      client.authenticator(new SingleHeaderClientAuthenticator("Authorization", "Bearer " + token));
    }
    return client.build();
  }

  /** The Enterprise account's key ({@code sk_test_enterprise} on a sandbox of its own). */
  public String enterpriseKey() {
    return keys.enterpriseKey();
  }

  /** The Enterprise account's first site (1001 by default). */
  public long siteId() {
    return keys.sites().get(0);
  }

  /** The Enterprise account's second site (1002 by default). */
  public long secondSiteId() {
    return keys.sites().get(1);
  }

  /** Another Enterprise account's key ({@code sk_test_enterprise_2} on a sandbox of its own). */
  public String otherEnterpriseKey() {
    return other.enterpriseKey();
  }

  /** That other account's site (2001 on a sandbox of its own). */
  public long otherSiteId() {
    return other.sites().get(0);
  }

  /** A non-Enterprise account's key ({@code sk_test_basic} on a sandbox of its own). */
  public String basicKey() {
    return keys.basicKey();
  }

  /** The non-Enterprise account's site (3001). */
  public long basicSiteId() {
    return keys.basicSite();
  }

  /** Moves the clock forward: the sandbox's, or in a session the session account's. */
  public JsonNode advanceClock(Duration by) {
    return control.advanceClock(by);
  }

  /** Finishes a queued or processing export now. */
  public JsonNode complete(String uuid) {
    return control.complete(uuid);
  }

  /** Fails a queued or processing export now, with this {@code failed_reason}. */
  public JsonNode fail(String uuid, String reason) {
    return control.fail(uuid, reason);
  }

  /** Back to the initial state: no exports, clock on real time (in a session: its account's). */
  public JsonNode reset() {
    synchronized (beforeResets) {
      beforeResets.addAll(lint());
    }
    return control.reset();
  }

  /**
   * What the integrator lint found in this sandbox's traffic (in a session: the session's) since
   * the start or the last {@link #reset()}: each a rule id, a message citing the vendor page, a
   * count and first/last times. Empty when every request was one a real integration may send.
   */
  public List<LintFinding> lint() {
    if (!shared()) {
      return sandbox.lint();
    }
    List<LintFinding> findings = new ArrayList<>();
    for (Keys session : List.of(keys, other)) {
      long account = Long.parseLong(session.sessionId().substring("ses_".length()));
      admin
          .lint(account)
          .get("data")
          .forEach(
              f ->
                  findings.add(
                      new LintFinding(
                          f.get("account_id").asLong(),
                          f.get("rule").asText(),
                          f.get("count").asLong(),
                          f.get("first_at").asLong(),
                          f.get("last_at").asLong(),
                          f.get("detail").asText())));
    }
    return findings;
  }

  /** Every finding since the sandbox started, across resets ({@code failOnLint}). */
  List<LintFinding> lintSinceStart() {
    synchronized (beforeResets) {
      List<LintFinding> all = new ArrayList<>(beforeResets);
      all.addAll(lint());
      return all;
    }
  }

  /** Schedules faults: every account's on a sandbox of its own, the session's in a session. */
  public SandboxFaults faults() {
    return new SandboxFaults(control::addFault, control::clearFaults, control::faults);
  }

  /**
   * Ends a session's accounts; nothing for a sandbox of the test's own (its extension closes it).
   */
  @Override
  public void close() {
    if (shared()) {
      for (Keys session : List.of(keys, other)) {
        admin.deleteSession(session.sessionId());
      }
    }
  }
}
