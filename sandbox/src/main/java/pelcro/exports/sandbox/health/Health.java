package pelcro.exports.sandbox.health;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: the sandbox's own liveness and readiness, for container health checks,
 * load balancers and CI scripts. Outside the vendor's API, so its fields are the sandbox's own;
 * answered before authentication and rate limiting, and with {@code --no-admin} too.
 */
public final class Health {
  private final Readiness readiness;
  private final InstantSource realTime;
  private final Instant started;

  /** @param realTime wall-clock time (uptime is real, whatever the sandbox clock says) */
  public Health(Readiness readiness, InstantSource realTime) {
    this.readiness = readiness;
    this.realTime = realTime;
    this.started = realTime.instant();
  }

  /** 200 once the spec and the data are loaded, 503 before. */
  public int status() {
    return readiness.isReady() ? 200 : 503;
  }

  /** The JSON body: status, version, uptime and what is loaded. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", readiness.isReady() ? "ok" : "starting");
    body.put("version", SandboxVersion.get());
    body.put("uptime_seconds", Duration.between(started, realTime.instant()).toSeconds());
    body.put("spec_loaded", readiness.isSpecLoaded());
    body.put("data_loaded", readiness.isDataLoaded());
    return body;
  }
}
