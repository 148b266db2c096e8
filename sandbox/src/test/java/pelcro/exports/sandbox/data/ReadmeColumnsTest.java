package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReadmeColumnsTest {

  @Test
  void theReadmeDocumentsTheColumnsOfEveryFile() throws Exception {
    Path readme = Path.of("README.md");
    if (!Files.exists(readme)) {
      readme = Path.of("..", "README.md"); // Maven runs module tests from the module directory
    }
    String text = Files.readString(readme);
    for (String type : Fixture.csvTypes()) {
      assertThat(text).as(type).contains("| `" + type + "` | " + quoted(Tables.of(type).columns()) + " |");
    }
    for (Report report : AccountingReports.all()) {
      assertThat(text).as(report.file()).contains("| `" + report.file() + "` | " + quoted(report.columns()) + " |");
    }
  }

  private static String quoted(java.util.List<String> columns) {
    return columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
  }
}
