package pelcro.exports.scaleout.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Debian's nginx as the load balancer: round-robin over the nodes, configured from {@code
 * nginx.conf.template} (the README's and bin/benchmark-scale-out's configuration) written into the
 * test's folder (pid, logs and temporary files there too, nothing root-owned), started in the
 * foreground, with an access log of the node that answered each request.
 */
public record Nginx(int port, Path dir, LocalProcess process) {
  /** Added by this proxy to every answer: the node(s) nginx passed the request to. */
  public static final String UPSTREAM_HEADER = "X-Sandbox-Upstream";

  private static final String TEMPLATE = "nginx.conf.template";

  public static Nginx start(Path dir, List<String> upstreams) {
    int port = Ports.free();
    try {
      Files.createDirectories(dir.resolve("tmp"));
      // nginx's workers run as nobody when the tests run as root: they must reach their files.
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.writeString(
          dir.resolve("nginx.conf"), config(dir, port, upstreams), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalProcess process =
        LocalProcess.start(
            "nginx",
            List.of(
                Tools.NGINX,
                "-c",
                dir.resolve("nginx.conf").toString(),
                "-p",
                dir.toString(),
                "-e",
                dir.resolve("error.log").toString(),
                "-g",
                "daemon off;"),
            dir.resolve("nginx.out"));
    Ports.awaitListening(port, process, Duration.ofSeconds(30));
    return new Nginx(port, dir, process);
  }

  /** The template shared with bin/benchmark-scale-out, filled in for this run. */
  static String config(Path dir, int port, List<String> upstreams) {
    String template;
    try (var in = Nginx.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is not on the test classpath");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String servers =
        upstreams.stream()
            .map(address -> "    server " + address + " max_fails=1 fail_timeout=5s;")
            .collect(Collectors.joining("\n"));
    return template
        .replace("@PREFIX@", dir.toString())
        .replace("@LISTEN@", "127.0.0.1:" + port)
        .replace("@SERVERS@", servers)
        .replace("@ACCESS_LOG@", "access_log " + dir.resolve("access.log") + " upstreams;");
  }

  public Endpoint endpoint() {
    return new Endpoint("nginx", "http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** How many requests the access log holds: a mark for {@link #answersByNodeSince}. */
  public int accessLogLines() {
    return accessLog().size();
  }

  /** Requests since the mark, by the node that answered ({@code 127.0.0.1:PORT}). */
  public Map<String, Long> answersByNodeSince(int mark) {
    List<String> lines = accessLog();
    return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
        // $upstream_addr is last: "A" or, when nginx skipped a dead node, "A, B" (B answered).
        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
        .collect(Collectors.groupingBy(node -> node, TreeMap::new, Collectors.counting()));
  }

  public void stop() {
    process.stop(Duration.ofSeconds(10));
  }

  private List<String> accessLog() {
    try {
      Path log = dir.resolve("access.log");
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
