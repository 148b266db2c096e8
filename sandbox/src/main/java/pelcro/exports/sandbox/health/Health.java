package pelcro.exports.sandbox.health;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the sandbox's own liveness and readiness, for container health checks, load
 * balancers and CI scripts. Outside the vendor's API, so its fields are the sandbox's own; answered
 * before authentication and rate limiting, and with {@code --no-admin} too.
 */
public final class Health {
  private final Readiness readiness;
  private final InstantSource realTime;
  private final Instant started;
  private final Supplier<Optional<String>> stateUnreachable;

  /**
   * @param realTime wall-clock time (uptime is real, whatever the sandbox clock says)
   */
  public Health(Readiness readiness, InstantSource realTime) {
    this(readiness, realTime, Optional::empty);
  }

  /**
   * @param stateUnreachable why the state store does not answer, if not (a shared Redis)
   */
  public Health(
      Readiness readiness, InstantSource realTime, Supplier<Optional<String>> stateUnreachable) {
    this.readiness = readiness;
    this.realTime = realTime;
    this.started = realTime.instant();
    this.stateUnreachable = stateUnreachable;
  }

  /** The status and the body of one answer, from one look at the state store. */
  public record Report(int status, Map<String, Object> body) {}

  /** 200 once the spec and the data are loaded and the state store answers, 503 otherwise. */
  public int status() {
    return report().status();
  }

  /** The status and the body, asking the state store once (it may take its timeout to answer). */
  public Report report() {
    Optional<String> problem = stateUnreachable.get();
    return new Report(readiness.isReady() && problem.isEmpty() ? 200 : 503, body(problem));
  }

  /**
   * The JSON body: status, version, uptime, what is loaded, and, when the state store does not
   * answer, why ({@code state_problem}).
   */
  public Map<String, Object> body() {
    return body(stateUnreachable.get());
  }

  private Map<String, Object> body(Optional<String> problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean reachable = problem.isEmpty();
    body.put("status", !readiness.isReady() ? "starting" : reachable ? "ok" : "state unreachable");
    body.put("version", SandboxVersion.get());
    body.put("uptime_seconds", Duration.between(started, realTime.instant()).toSeconds());
    body.put("spec_loaded", readiness.isSpecLoaded());
    body.put("data_loaded", readiness.isDataLoaded());
    body.put("warmed_up", readiness.isWarmedUp());
    body.put("state_reachable", reachable);
    problem.ifPresent(why -> body.put("state_problem", why));
    return body;
  }
}
