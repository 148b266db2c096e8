package pelcro.exports.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec as JSON, made from {@code exports.yaml} when the module is built (never committed) and
 * read by {@link ExportsSpec}: a JSON parser reads it in a fraction of the time YAML takes, which a
 * sandbox's start and every test JVM pay.
 */
public final class SpecJson {
  /** Classpath location of the JSON copy, beside the YAML. */
  public static final String RESOURCE = "openapi/exports.json";

  private SpecJson() {}

  /** The JSON text of {@code yaml}. */
  static String of(String yaml) {
    try {
      return new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the JSON copy into the classes folder given as the only argument (the build's step). */
  public static void main(String[] args) throws IOException {
    Path classes = Path.of(args[0]);
    String yaml = Files.readString(classes.resolve(ExportsSpec.RESOURCE));
    Path json = classes.resolve(RESOURCE);
    Files.createDirectories(json.getParent());
    Files.writeString(json, of(yaml));
  }
}
