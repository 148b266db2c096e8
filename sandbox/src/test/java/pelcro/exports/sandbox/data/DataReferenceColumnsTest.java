package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The columns of every export file, as docs/reference-data.md lists them, match the code. */
class DataReferenceColumnsTest {

  @Test
  void theDataReferenceDocumentsTheColumnsOfEveryFile() throws Exception {
    Path page = Path.of("docs", "reference-data.md");
    if (!Files.exists(page)) {
      // Maven runs a module's tests from the module's folder.
      page = Path.of("..", "docs", "reference-data.md");
    }
    String text = Files.readString(page);
    for (String type : Fixture.csvTypes()) {
      assertThat(text)
          .as(type)
          .contains("| `" + type + "` | " + quoted(Tables.of(type).columns()) + " |");
    }
    for (Report report : AccountingReports.all()) {
      assertThat(text)
          .as(report.file())
          .contains("| `" + report.file() + "` | " + quoted(report.columns()) + " |");
    }
  }

  private static String quoted(List<String> columns) {
    return columns.stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
  }
}
