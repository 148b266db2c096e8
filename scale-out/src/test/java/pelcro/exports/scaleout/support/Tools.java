package pelcro.exports.scaleout.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * What the scale-out tests need from the machine: redis-server and nginx (Debian packages; CI
 * installs them), and the two jars the reactor built. A missing tool skips the tests with the
 * reason, unless {@code EXPORTS_SCALE_OUT_TESTS=required}; a missing jar always fails them.
 */
public final class Tools {
  public static final String REDIS_SERVER = find("redis-server");
  public static final String NGINX = find("nginx");

  /** The java of this JVM, for the nodes and the contract runner. */
  public static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private Tools() {}

  /** Skips (or, when required, fails) when a tool is missing; fails when a jar is. */
  public static void check() {
    List<String> missing = new ArrayList<>();
    if (REDIS_SERVER == null) {
      missing.add("redis-server is not installed (apt-get install redis-server)");
    }
    if (NGINX == null) {
      missing.add("nginx is not installed (apt-get install nginx-light)");
    }
    if (!missing.isEmpty()) {
      String reason = String.join("; ", missing);
      if ("required".equals(System.getenv("EXPORTS_SCALE_OUT_TESTS"))) {
        throw new IllegalStateException(reason + " (EXPORTS_SCALE_OUT_TESTS=required)");
      }
      Assumptions.abort(reason);
    }
    jar("scaleout.sandboxJar");
    jar("scaleout.contractJar");
  }

  /** A jar named by a system property that the pom sets; it must exist. */
  public static Path jar(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException(
          property
              + " ("
              + value
              + ") is not a built jar: run "
              + "'mvn -B -ntp -DskipTests -pl sandbox,contract-tests -am package' first");
    }
    return Path.of(value).toAbsolutePath().normalize();
  }

  private static String find(String name) {
    for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
      File candidate = new File(dir, name);
      if (candidate.canExecute()) {
        return candidate.getPath();
      }
    }
    return null;
  }
}
