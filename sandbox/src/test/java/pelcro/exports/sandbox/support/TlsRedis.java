package pelcro.exports.sandbox.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} serving TLS only, on a free port of 127.0.0.1, for a test class (a
 * static {@code @RegisterExtension} field): a certificate authority and the server's certificate
 * for {@code 127.0.0.1} and {@code localhost} are made with {@code openssl} in a temp folder first,
 * and another authority that signed nothing, to show that the server's certificate is checked.
 * Clients need no certificate of their own ({@code --tls-auth-clients no}).
 */
public final class TlsRedis implements BeforeAllCallback, AfterAllCallback {
  private Path dir;
  private int port;
  private Process process;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    RedisServer.assumeInstalled();
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    dir = Files.createTempDirectory("exports-redis-tls");
    authority("ca");
    authority("other-ca");
    run(
        "openssl",
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-subj",
        "/CN=127.0.0.1",
        "-out",
        "server.csr");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    run(
        "openssl",
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-sha256",
        "-extfile",
        "san.ext",
        "-out",
        "server.pem");
    port = RedisProcesses.freePort();
    process =
        RedisProcesses.start(
            RedisProcesses.server(
                0,
                dir,
                "--tls-port",
                Integer.toString(port),
                "--tls-cert-file",
                "server.pem",
                "--tls-key-file",
                "server.key",
                "--tls-ca-cert-file",
                "ca.pem",
                "--tls-auth-clients",
                "no"),
            dir);
    RedisProcesses.awaitListening(port, process, dir);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  /** {@code rediss://127.0.0.1:PORT}. */
  public String uri() {
    return "rediss://127.0.0.1:" + port;
  }

  /** The authority that signed the server's certificate (PEM). */
  public Path authority() {
    return dir.resolve("ca.pem");
  }

  /** An authority that signed nothing the server presents (PEM). */
  public Path otherAuthority() {
    return dir.resolve("other-ca.pem");
  }

  private void authority(String name) throws IOException, InterruptedException {
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        name + ".key",
        "-subj",
        "/CN=exports sandbox test " + name,
        "-days",
        "2",
        "-out",
        name + ".pem");
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(List.of(command))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("openssl.log").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed: " + Files.readString(dir.resolve("openssl.log")));
    }
  }
}
