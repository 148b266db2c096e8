package pelcro.exports.sandbox.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The sandbox's version, as the build wrote it into {@code sandbox/version.properties}. */
public final class SandboxVersion {
  private static final String RESOURCE = "sandbox/version.properties";
  private static final String VERSION = load();

  private SandboxVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = SandboxVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
