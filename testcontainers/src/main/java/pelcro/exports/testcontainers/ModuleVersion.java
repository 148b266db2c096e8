package pelcro.exports.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This module's version, which the build writes into {@code version.properties}: the default image
 * tag.
 */
final class ModuleVersion {
  private static final String RESOURCE = "pelcro/exports/testcontainers/version.properties";

  private ModuleVersion() {}

  static String get() {
    try (InputStream in = ModuleVersion.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
