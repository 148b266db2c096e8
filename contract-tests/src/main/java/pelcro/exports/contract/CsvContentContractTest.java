package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.SandboxOnly;
import pelcro.exports.contract.support.Writes;
import pelcro.exports.openapi.ExportsSpec;

/** The CSV files: a header row, then one row per record. */
@Writes
@ExtendWith(EnterpriseAccount.class)
class CsvContentContractTest {

  @Test
  @Documented(
      value = "download-export: each non-accounting export is a CSV file",
      covers = {"requestExport:200", "downloadExport:200"})
  void downloadsEachExportTypeAsACsvWithAHeaderAndRows(Account account) throws IOException {
    // Different types run side by side, so all of them are requested before any is awaited.
    Map<String, String> uuids = new LinkedHashMap<>();
    for (String type :
        ExportsSpec.get().schema("ExportType").getEnum().stream().map(Object::toString).toList()) {
      if (!type.equals("accounting")) {
        uuids.put(type, Exports.request(account, Exports.recent(type)));
      }
    }
    SoftAssertions soft = new SoftAssertions();
    for (Map.Entry<String, String> e : uuids.entrySet()) {
      Response r = Exports.awaitDownload(account, e.getValue());
      soft.assertThat(r.statusCode())
          .as("download-export: the %s export downloads with 200", e.getKey())
          .isEqualTo(200);
      if (r.statusCode() == 200) {
        List<CSVRecord> rows = parse(r);
        soft.assertThat(rows)
            .as("download-export: the %s CSV has a header row and at least one record", e.getKey())
            .hasSizeGreaterThan(1);
        if (!rows.isEmpty()) {
          int width = rows.get(0).size();
          soft.assertThat(rows)
              .as(
                  "download-export: every row of the %s CSV has the header's %d columns",
                  e.getKey(), width)
              .allSatisfy(row -> assertThat(row.size()).isEqualTo(width));
        }
      }
    }
    soft.assertAll();
  }

  @Test
  @SandboxOnly("the column names are the sandbox's data decision (README, Data), not the vendor's")
  @Documented(
      value = "request-export, Subscriptions filters: status keeps only matching records",
      covers = {"requestExport:200", "downloadExport:200"})
  void keepsOnlyTheRecordsThatMatchTheFilters(Account account) throws IOException {
    String uuid = Exports.request(account, Exports.recent("subscriptions", "status", "active"));
    Response r = Exports.awaitDownload(account, uuid);
    assertThat(r.statusCode()).isEqualTo(200);

    List<CSVRecord> rows = parse(r);
    List<String> header = rows.get(0).toList();
    assertThat(header)
        .as("README, Data: each filterable attribute is a column named like its filter")
        .contains("status", "collection_method", "plan_id", "product_id");
    int status = header.indexOf("status");
    assertThat(rows.subList(1, rows.size()))
        .as("request-export: status=active keeps only active subscriptions")
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.get(status)).isEqualTo("active"));
  }

  private static List<CSVRecord> parse(Response r) throws IOException {
    try (CSVParser parser =
        CSVFormat.DEFAULT.parse(
            new StringReader(new String(r.asByteArray(), StandardCharsets.UTF_8)))) {
      return parser.getRecords();
    }
  }
}
