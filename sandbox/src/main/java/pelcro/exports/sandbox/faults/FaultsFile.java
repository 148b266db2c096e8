package pelcro.exports.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --faults FILE}: a fault schedule, {@code {"faults": [...]}}, loaded at start. */
public final class FaultsFile {
  private FaultsFile() {}

  public static JsonNode read(Path file) {
    try {
      JsonNode schedule = new ObjectMapper().readTree(file.toFile());
      if (schedule == null || !schedule.path("faults").isArray()) {
        throw new IllegalArgumentException(
            "--faults " + file + ": expected {\"faults\": [...]} (see docs/reference-faults.md)");
      }
      return schedule;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--faults " + file + " cannot be read: " + e.getMessage(), e);
    }
  }
}
