package pelcro.exports.sandbox.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.sandbox.data.Report.Part;

/**
 * The 11 reports of the accounting ZIP, named as the spec's {@code x-accounting-files} lists them.
 * Every report covers one month (on {@code created_at}) and one currency; amounts are in cents.
 */
final class AccountingReports {
  /** Built once: the definitions are fixed, and checked against the spec when first used. */
  private static final List<Report> ALL = build();

  private AccountingReports() {}

  /** The reports in the spec's order. */
  static List<Report> all() {
    return ALL;
  }

  /** The reports in the spec's order; fails if the spec lists a file this class does not make. */
  private static List<Report> build() {
    Map<String, Report> byFile = new LinkedHashMap<>();
    for (Report r : definitions()) {
      byFile.put(r.file(), r);
    }
    List<String> files = ExportsSpec.get().accountingFiles();
    if (!byFile.keySet().equals(Set.copyOf(files))) {
      throw new IllegalStateException(
          "Accounting reports " + byFile.keySet() + " differ from the spec's " + files);
    }
    return files.stream().map(byFile::get).toList();
  }

  private static List<Report> definitions() {
    List<String> recognized =
        List.of("date", "source", "source_id", "customer_id", "currency", "amount");
    Part paidInvoices =
        Report.part(
            "invoices",
            Map.of("status", Set.of("paid")),
            "created_at",
            "=invoice",
            "id",
            "customer_id",
            "currency",
            "total");
    Part soldOrders =
        Report.part(
            "orders",
            Map.of("status", Set.of("paid", "fulfilled")),
            "created_at",
            "=order",
            "id",
            "customer_id",
            "currency",
            "amount");
    return List.of(
        invoices("subscription_revenue.csv", "paid"),
        Report.select(
            "order_revenue.csv",
            "orders",
            Map.of("status", Set.of("paid", "fulfilled")),
            "created_at as date",
            "id as order_id",
            "customer_id",
            "product_id",
            "sku_id",
            "quantity",
            "currency",
            "amount"),
        Report.of("recognized_revenue.csv", recognized, paidInvoices, soldOrders),
        Report.of("recognized_revenue_issue_based.csv", recognized, paidInvoices),
        Report.of("recognized_revenue_order_based.csv", recognized, soldOrders),
        Report.select(
            "payments_received.csv",
            "payments",
            Map.of("status", Set.of("succeeded")),
            "created_at as date",
            "id as payment_id",
            "invoice_id",
            "customer_id",
            "category",
            "type",
            "destination",
            "currency",
            "amount"),
        Report.select(
            "applied_balance.csv",
            "balance_transactions",
            Map.of("type", Set.of("debit")),
            "created_at as date",
            "id as balance_transaction_id",
            "invoice_id",
            "customer_id",
            "currency",
            "amount"),
        Report.select(
            "refunds_made.csv",
            "refunds",
            Map.of("status", Set.of("succeeded")),
            "created_at as date",
            "id as refund_id",
            "payment_id",
            "invoice_id",
            "customer_id",
            "reason",
            "currency",
            "amount"),
        invoices("uncollectible.csv", "uncollectible"),
        invoices("voided.csv", "void"),
        Report.select(
            "credit_notes.csv",
            "credit_notes",
            Map.of("status", Set.of("issued")),
            "created_at as date",
            "id as credit_note_id",
            "number as credit_note_number",
            "invoice_id",
            "customer_id",
            "reason",
            "currency",
            "amount"));
  }

  /** The invoices of one status, the same columns in each invoice report. */
  private static Report invoices(String file, String status) {
    return Report.select(
        file,
        "invoices",
        Map.of("status", Set.of(status)),
        "created_at as date",
        "id as invoice_id",
        "number as invoice_number",
        "customer_id",
        "subscription_id",
        "plan_id",
        "currency",
        "total as amount");
  }
}
