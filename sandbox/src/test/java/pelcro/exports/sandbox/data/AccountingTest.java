package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pelcro.exports.openapi.ExportsSpec;

class AccountingTest {
  private static final YearMonth MONTH = YearMonth.of(2025, 9);
  private static final String CURRENCY = "eur";
  private static Map<String, List<CSVRecord>> zip;

  @BeforeAll
  static void load() {
    zip = Fixture.zip(Fixture.DATA, MONTH.atDay(1).toString(), CURRENCY);
  }

  @Test
  void theZipHoldsExactlyTheElevenDocumentedCsvsInOrder() {
    assertThat(List.copyOf(zip.keySet()))
        .isEqualTo(ExportsSpec.get().accountingFiles())
        .hasSize(11);
    zip.forEach(
        (file, rows) ->
            assertThat(rows)
                .as(file)
                .allMatch(
                    r ->
                        r.get("currency").equals(CURRENCY)
                            && r.get("date").startsWith(MONTH.toString())));
  }

  @Test
  void paymentsReceivedSumsTheMonthsSucceededPaymentsInTheCurrency() {
    List<CSVRecord> payments =
        Fixture.csv("payments", month(Map.of("status", "succeeded", "currency", CURRENCY)));
    assertThat(payments).isNotEmpty();
    assertThat(sum(zip.get("payments_received.csv"))).isEqualTo(sum(payments));
    assertThat(ids(zip.get("payments_received.csv"), "payment_id")).isEqualTo(ids(payments, "id"));
  }

  @Test
  void refundsMadeMatchesTheMonthsSucceededRefundsInTheCurrency() {
    List<CSVRecord> refunds =
        Fixture.csv("refunds", month(Map.of("status", "succeeded"))).stream()
            .filter(r -> r.get("currency").equals(CURRENCY))
            .toList();
    assertThat(refunds).isNotEmpty();
    assertThat(sum(zip.get("refunds_made.csv"))).isEqualTo(sum(refunds));
    assertThat(ids(zip.get("refunds_made.csv"), "refund_id")).isEqualTo(ids(refunds, "id"));
  }

  @Test
  void invoiceReportsMatchTheMonthsInvoicesByStatus() {
    List<CSVRecord> invoices = Fixture.csv("invoices", month(Map.of()));
    Map<String, String> fileByStatus =
        Map.of(
            "paid",
            "subscription_revenue.csv",
            "uncollectible",
            "uncollectible.csv",
            "void",
            "voided.csv");
    fileByStatus.forEach(
        (status, file) -> {
          List<CSVRecord> expected =
              invoices.stream()
                  .filter(i -> i.get("status").equals(status) && i.get("currency").equals(CURRENCY))
                  .toList();
          assertThat(ids(zip.get(file), "invoice_id")).as(file).isEqualTo(ids(expected, "id"));
          assertThat(sum(zip.get(file)))
              .as(file)
              .isEqualTo(expected.stream().mapToLong(i -> Long.parseLong(i.get("total"))).sum());
        });
  }

  @Test
  void recognizedRevenueIsIssueBasedPlusOrderBasedRevenue() {
    long orders =
        Fixture.csv("orders", month(Map.of())).stream()
            .filter(
                o ->
                    o.get("currency").equals(CURRENCY)
                        && List.of("paid", "fulfilled").contains(o.get("status")))
            .mapToLong(o -> Long.parseLong(o.get("amount")))
            .sum();
    assertThat(sum(zip.get("order_revenue.csv"))).isEqualTo(orders);
    assertThat(sum(zip.get("recognized_revenue_order_based.csv"))).isEqualTo(orders);
    assertThat(sum(zip.get("recognized_revenue_issue_based.csv")))
        .isEqualTo(sum(zip.get("subscription_revenue.csv")));
    assertThat(sum(zip.get("recognized_revenue.csv")))
        .isEqualTo(sum(zip.get("recognized_revenue_issue_based.csv")) + orders);
  }

  @Test
  void appliedBalanceAndCreditNotesMatchTheirExports() {
    long debits =
        Fixture.csv("balance_transactions", month(Map.of("type", "debit"))).stream()
            .filter(b -> b.get("currency").equals(CURRENCY))
            .mapToLong(b -> Long.parseLong(b.get("amount")))
            .sum();
    assertThat(sum(zip.get("applied_balance.csv"))).isEqualTo(debits);
    long notes =
        Fixture.csv("credit_notes", month(Map.of("currency", CURRENCY))).stream()
            .filter(c -> c.get("status").equals("issued"))
            .mapToLong(c -> Long.parseLong(c.get("amount")))
            .sum();
    assertThat(sum(zip.get("credit_notes.csv"))).isEqualTo(notes);
  }

  @Test
  void anAccountingExportHasRecordsOnlyForAMonthAndCurrencyWithData() {
    assertThat(Fixture.DATA.hasRecords(query(MONTH.atDay(15).toString(), CURRENCY), Fixture.ANCHOR))
        .isTrue();
    assertThat(Fixture.DATA.hasRecords(query("2020-01-01", CURRENCY), Fixture.ANCHOR)).isFalse();
    assertThat(Fixture.DATA.hasRecords(query(MONTH.atDay(1).toString(), "jpy"), Fixture.ANCHOR))
        .isFalse();
    assertThat(Fixture.zip(Fixture.DATA, "2020-01-01", CURRENCY))
        .hasSize(11)
        .allSatisfy((f, rows) -> assertThat(rows).isEmpty());
  }

  private static ExportQuery query(String month, String currency) {
    return new ExportQuery(
        Fixture.SITE, "accounting", Map.of("month", month, "currency", currency));
  }

  private static Map<String, Object> month(Map<String, Object> filters) {
    Map<String, Object> all = new HashMap<>(filters);
    all.put("date_from", MONTH.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC));
    all.put(
        "date_to", MONTH.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1);
    return all;
  }

  private static long sum(List<CSVRecord> rows) {
    return rows.stream().mapToLong(r -> Long.parseLong(r.get("amount"))).sum();
  }

  private static List<String> ids(List<CSVRecord> rows, String column) {
    return rows.stream().map(r -> r.get(column)).toList();
  }
}
