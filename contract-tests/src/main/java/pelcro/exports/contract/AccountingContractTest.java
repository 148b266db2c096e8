package pelcro.exports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import pelcro.exports.contract.support.Account;
import pelcro.exports.contract.support.Documented;
import pelcro.exports.contract.support.EnterpriseAccount;
import pelcro.exports.contract.support.Exports;
import pelcro.exports.contract.support.Target;
import pelcro.exports.contract.support.Writes;
import pelcro.exports.openapi.ExportsSpec;

/** The accounting package: its month rules and its ZIP of 11 reports. */
@ExtendWith(EnterpriseAccount.class)
class AccountingContractTest {

  @Test
  @Documented("request-export, Accounting: only past or current months can be exported")
  void refusesAFutureMonth() {
    long now = Target.get().nowEpochSeconds();
    String nextYear =
        LocalDate.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC)
            .plusYears(1)
            .withDayOfMonth(1)
            .toString();
    Response r =
        Exports.post(Target.get().enterprise(), Exports.recent("accounting", "month", nextYear));

    Exports.assertFieldRefused(
        r,
        "request-export, Accounting: a future month must be refused with 400",
        "month",
        "request-export, Accounting: errors names month");
  }

  @Test
  @Documented("request-export, Accounting: months start from the site's first invoice")
  void refusesAMonthBeforeTheFirstInvoice() {
    Response r =
        Exports.post(
            Target.get().enterprise(), Exports.recent("accounting", "month", "1990-01-01"));

    assertThat(r.statusCode())
        .as(
            "request-export, Accounting: a month before the first invoice must be 400 (body: %s)",
            r.asString())
        .isEqualTo(400);
  }

  @Test
  @Documented("request-export, Conditional Requirements: currency must be lowercase")
  void refusesAnUppercaseCurrency() {
    Response r =
        Exports.post(Target.get().enterprise(), Exports.recent("accounting", "currency", "USD"));

    Exports.assertFieldRefused(
        r,
        "request-export: currency USD (uppercase) must be refused with 400",
        "currency",
        "request-export: errors names currency");
  }

  @Test
  @Writes
  @Documented(
      value = "download-export: accounting is a ZIP of 11 CSV reports (request-export, Accounting)",
      covers = {"requestExport:200", "downloadExport:200"})
  void downloadsAZipHoldingTheElevenDocumentedReports(Account account) throws IOException {
    Map<String, Object> body = Exports.recent("accounting");
    String uuid = Exports.request(account, body);
    Response r = Exports.awaitDownload(account, uuid);

    assertThat(r.statusCode())
        .as("download-export: a finished accounting export downloads with 200")
        .isEqualTo(200);
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.asByteArray()))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
        String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst())
            .as("download-export: report %s has a header row", e.getName())
            .hasValueSatisfying(h -> assertThat(h).isNotBlank());
      }
    }
    assertThat(names)
        .as("request-export, Accounting: the ZIP holds exactly the 11 documented reports")
        .containsExactlyInAnyOrderElementsOf(ExportsSpec.get().accountingFiles());
  }
}
