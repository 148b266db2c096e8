package pelcro.exports.sandbox.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.domain.Account;
import pelcro.exports.sandbox.lint.LintFinding;

/**
 * What a test sees of its sandbox: the base URL, the default keys and sites, a small client of
 * the control API (clock, complete, fail, reset) and the integrator lint's findings.
 */
public final class SandboxHandle {
  private final Sandbox sandbox;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  /** Findings cleared by {@link #reset()}, kept for {@code failOnLint}. */
  private final List<LintFinding> beforeResets = new ArrayList<>();

  public SandboxHandle(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  /** {@code http://127.0.0.1:<port>/api/v1/core}. */
  public String baseUrl() {
    return sandbox.baseUrl();
  }

  public String rootUrl() {
    return sandbox.rootUrl();
  }

  public int port() {
    return sandbox.port();
  }

  /** The first Enterprise account's key ({@code sk_test_enterprise} by default). */
  public String enterpriseKey() {
    return enterprise(0).key();
  }

  /** The first Enterprise account's first site (1001 by default). */
  public long siteId() {
    return enterprise(0).sites().get(0);
  }

  /** The first Enterprise account's second site (1002 by default). */
  public long secondSiteId() {
    return enterprise(0).sites().get(1);
  }

  /** Another Enterprise account's key ({@code sk_test_enterprise_2}). */
  public String otherEnterpriseKey() {
    return enterprise(1).key();
  }

  /** That other account's site (2001). */
  public long otherSiteId() {
    return enterprise(1).sites().get(0);
  }

  /** A non-Enterprise account's key ({@code sk_test_basic}). */
  public String basicKey() {
    return basic().key();
  }

  /** The non-Enterprise account's site (3001). */
  public long basicSiteId() {
    return basic().sites().get(0);
  }

  /** Moves the sandbox clock forward. */
  public String advanceClock(Duration by) {
    return post("/clock/advance", "{\"seconds\": " + by.toMillis() / 1000.0 + "}");
  }

  /** Finishes a queued or processing export now. */
  public String complete(String uuid) {
    return post("/exports/" + uuid + "/complete", "");
  }

  /** Fails a queued or processing export now, with this {@code failed_reason}. */
  public String fail(String uuid, String reason) {
    String json = "{\"reason\": \"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    return post("/exports/" + uuid + "/fail", json);
  }

  /** Back to the initial state: no exports, no lint findings, clock on real time. */
  public String reset() {
    synchronized (beforeResets) {
      beforeResets.addAll(sandbox.lint());
    }
    return post("/reset", "");
  }

  /**
   * What the integrator lint found in this sandbox's traffic since the start or the last
   * {@link #reset()}: each a rule id, a message citing the vendor page, a count and first/last
   * times. Empty when every request was one a real integration may send.
   */
  public List<LintFinding> lint() {
    return sandbox.lint();
  }

  /** Every finding since the sandbox started, across resets ({@code failOnLint}). */
  List<LintFinding> lintSinceStart() {
    synchronized (beforeResets) {
      List<LintFinding> all = new ArrayList<>(beforeResets);
      all.addAll(sandbox.lint());
      return all;
    }
  }

  private Account enterprise(int index) {
    List<Account> enterprise = sandbox.accounts().stream().filter(Account::enterprise).toList();
    return enterprise.get(index);
  }

  private Account basic() {
    return sandbox.accounts().stream()
        .filter(a -> !a.enterprise())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No non-Enterprise account"));
  }

  private String post(String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.controlUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Control API " + path + " answered " + response.statusCode() + ": " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
