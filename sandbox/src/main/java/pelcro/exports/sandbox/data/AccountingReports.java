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
    List<String> invoiceColumns =
        List.of(
            "date",
            "invoice_id",
            "invoice_number",
            "customer_id",
            "subscription_id",
            "plan_id",
            "currency",
            "amount");
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
        Report.of("subscription_revenue.csv", invoiceColumns, invoices("paid")),
        Report.of(
            "order_revenue.csv",
            List.of(
                "date",
                "order_id",
                "customer_id",
                "product_id",
                "sku_id",
                "quantity",
                "currency",
                "amount"),
            Report.part(
                "orders",
                Map.of("status", Set.of("paid", "fulfilled")),
                "created_at",
                "id",
                "customer_id",
                "product_id",
                "sku_id",
                "quantity",
                "currency",
                "amount")),
        Report.of("recognized_revenue.csv", recognized, paidInvoices, soldOrders),
        Report.of("recognized_revenue_issue_based.csv", recognized, paidInvoices),
        Report.of("recognized_revenue_order_based.csv", recognized, soldOrders),
        Report.of(
            "payments_received.csv",
            List.of(
                "date",
                "payment_id",
                "invoice_id",
                "customer_id",
                "category",
                "type",
                "destination",
                "currency",
                "amount"),
            Report.part(
                "payments",
                Map.of("status", Set.of("succeeded")),
                "created_at",
                "id",
                "invoice_id",
                "customer_id",
                "category",
                "type",
                "destination",
                "currency",
                "amount")),
        Report.of(
            "applied_balance.csv",
            List.of(
                "date",
                "balance_transaction_id",
                "invoice_id",
                "customer_id",
                "currency",
                "amount"),
            Report.part(
                "balance_transactions",
                Map.of("type", Set.of("debit")),
                "created_at",
                "id",
                "invoice_id",
                "customer_id",
                "currency",
                "amount")),
        Report.of(
            "refunds_made.csv",
            List.of(
                "date",
                "refund_id",
                "payment_id",
                "invoice_id",
                "customer_id",
                "reason",
                "currency",
                "amount"),
            Report.part(
                "refunds",
                Map.of("status", Set.of("succeeded")),
                "created_at",
                "id",
                "payment_id",
                "invoice_id",
                "customer_id",
                "reason",
                "currency",
                "amount")),
        Report.of("uncollectible.csv", invoiceColumns, invoices("uncollectible")),
        Report.of("voided.csv", invoiceColumns, invoices("void")),
        Report.of(
            "credit_notes.csv",
            List.of(
                "date",
                "credit_note_id",
                "credit_note_number",
                "invoice_id",
                "customer_id",
                "reason",
                "currency",
                "amount"),
            Report.part(
                "credit_notes",
                Map.of("status", Set.of("issued")),
                "created_at",
                "id",
                "number",
                "invoice_id",
                "customer_id",
                "reason",
                "currency",
                "amount")));
  }

  private static Part invoices(String status) {
    return Report.part(
        "invoices",
        Map.of("status", Set.of(status)),
        "created_at",
        "id",
        "number",
        "customer_id",
        "subscription_id",
        "plan_id",
        "currency",
        "total");
  }
}
