package pelcro.exports.attack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * WireMock's own admin API under the sandbox (issue 10, item 8): whether it shows keys or internal
 * paths, whether the API survives its reset, whether its shutdown ends the process. Destructive, so
 * it runs last, on a sandbox that is thrown away after.
 */
final class WireMockAdminChecks {
  private final SandboxProcess sandbox;
  private final Tally tally;
  private final Consumer<String> out;

  WireMockAdminChecks(SandboxProcess sandbox, Tally tally, Consumer<String> out) {
    this.sandbox = sandbox;
    this.tally = tally;
    this.out = out;
  }

  /** WireMock's own admin API (issue 10, item 8): keys, internal paths, reset, shutdown. */
  void run() throws InterruptedException {
    RawClient raw = new RawClient(sandbox.address(), 10_000, 1 << 20);
    String host = "127.0.0.1:" + sandbox.port();
    for (String path :
        List.of(
            "/__admin/requests",
            "/__admin/files",
            "/__admin/mappings",
            "/__admin/requests/unmatched",
            "/__admin/settings",
            "/__admin/recordings/status")) {
      check(
          raw,
          "GET " + path,
          "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
          "GET",
          path);
    }
    check(
        raw,
        "POST /__admin/reset",
        "POST /__admin/reset HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n",
        "POST",
        "/__admin/reset");
    check(
        raw,
        "API after /__admin/reset",
        "GET /api/v1/core/exports HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
        "GET",
        "/api/v1/core/exports");
    check(
        raw,
        "POST /__admin/shutdown",
        "POST /__admin/shutdown HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n",
        "POST",
        "/__admin/shutdown");
    if (!sandbox.waitFor(10)) {
      tally.broken(
          Rule.LINGERS,
          "POST /__admin/shutdown",
          () -> "POST /__admin/shutdown",
          "the process (pid " + sandbox.pid() + ") was still running 10 s later");
      out.accept("POST /__admin/shutdown: the process was still running 10 s later");
    }
  }

  private void check(RawClient raw, String name, String request, String method, String path) {
    RawScript script =
        RawScript.send(name, request.getBytes(StandardCharsets.US_ASCII), method, path);
    Answer answer = raw.run(script, Addresses.attacker(0));
    tally.record(name, script::reproduction, answer, Rules.check(method, path, answer, true));
    out.accept(
        String.format(
            "%-32s %s",
            name, answer.summary().substring(0, Math.min(160, answer.summary().length()))));
  }
}
