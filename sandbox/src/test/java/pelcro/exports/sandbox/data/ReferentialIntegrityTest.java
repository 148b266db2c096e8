package pelcro.exports.sandbox.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferentialIntegrityTest {
  private static Map<String, CSVRecord> customers;
  private static Map<String, CSVRecord> subscriptions;
  private static Map<String, CSVRecord> invoices;
  private static Map<String, CSVRecord> payments;

  @BeforeAll
  static void load() {
    customers = byId("customers");
    subscriptions = byId("subscriptions");
    invoices = byId("invoices");
    payments = byId("payments");
  }

  @Test
  void aSubscriptionsCustomerExistsAndSharesItsCurrency() {
    subscriptions
        .values()
        .forEach(
            s -> {
              CSVRecord customer = customers.get(s.get("customer_id"));
              assertThat(customer).as("customer of subscription " + s.get("id")).isNotNull();
              assertThat(s.get("currency")).isEqualTo(customer.get("currency"));
              assertThat(s.get("customer_email")).isEqualTo(customer.get("email"));
              assertThat(s.get("created_at")).isGreaterThanOrEqualTo(customer.get("created_at"));
            });
  }

  @Test
  void anInvoiceBelongsToASubscriptionOfTheSameCustomerAndCurrency() {
    invoices
        .values()
        .forEach(
            i -> {
              CSVRecord sub = subscriptions.get(i.get("subscription_id"));
              assertThat(sub).as("subscription of invoice " + i.get("id")).isNotNull();
              assertThat(i.get("customer_id")).isEqualTo(sub.get("customer_id"));
              assertThat(i.get("currency")).isEqualTo(sub.get("currency"));
              assertThat(i.get("plan_id")).isEqualTo(sub.get("plan_id"));
              assertThat(i.get("subtotal")).isEqualTo(sub.get("amount"));
              assertThat(i.get("created_at")).isGreaterThanOrEqualTo(sub.get("created_at"));
            });
  }

  @Test
  void aPaymentSettlesAnInvoiceForItsTotalInItsCurrency() {
    payments
        .values()
        .forEach(
            p -> {
              CSVRecord invoice = invoices.get(p.get("invoice_id"));
              assertThat(invoice).isNotNull();
              assertThat(p.get("amount")).isEqualTo(invoice.get("total"));
              assertThat(p.get("currency")).isEqualTo(invoice.get("currency"));
              assertThat(p.get("customer_id")).isEqualTo(invoice.get("customer_id"));
              assertThat(p.get("status").equals("succeeded"))
                  .isEqualTo(invoice.get("status").equals("paid"));
            });
  }

  @Test
  void aRefundRefersToASucceededPaymentAndReturnsAtMostItsAmount() {
    List<CSVRecord> refunds = Fixture.all("refunds");
    assertThat(refunds).isNotEmpty();
    refunds.forEach(
        r -> {
          CSVRecord payment = payments.get(r.get("payment_id"));
          assertThat(payment).as("payment of refund " + r.get("id")).isNotNull();
          assertThat(payment.get("status")).isEqualTo("succeeded");
          assertThat(r.get("currency")).isEqualTo(payment.get("currency"));
          assertThat(r.get("invoice_id")).isEqualTo(payment.get("invoice_id"));
          assertThat(Long.parseLong(r.get("amount")))
              .isBetween(1L, Long.parseLong(payment.get("amount")));
          assertThat(r.get("created_at")).isGreaterThanOrEqualTo(payment.get("created_at"));
        });
  }

  @Test
  void everyOtherRecordPointsAtExistingParentsInTheirCurrency() {
    Fixture.all("memberships")
        .forEach(
            m -> {
              assertThat(subscriptions).containsKey(m.get("subscription_id"));
              assertThat(customers).containsKey(m.get("customer_id"));
              assertThat(m.get("currency"))
                  .isEqualTo(subscriptions.get(m.get("subscription_id")).get("currency"));
            });
    Fixture.all("addresses")
        .forEach(
            a ->
                assertThat(a.get("country"))
                    .isEqualTo(customers.get(a.get("customer_id")).get("country")));
    Fixture.all("orders")
        .forEach(
            o ->
                assertThat(o.get("currency"))
                    .isEqualTo(customers.get(o.get("customer_id")).get("currency")));
    Fixture.all("credit_notes")
        .forEach(
            c -> {
              CSVRecord invoice = invoices.get(c.get("invoice_id"));
              assertThat(c.get("currency")).isEqualTo(invoice.get("currency"));
              assertThat(Long.parseLong(c.get("amount")))
                  .isLessThanOrEqualTo(Long.parseLong(invoice.get("total")));
            });
    Fixture.all("balance_transactions")
        .forEach(
            b -> {
              assertThat(b.get("currency"))
                  .isEqualTo(customers.get(b.get("customer_id")).get("currency"));
              if (!b.get("invoice_id").isEmpty()) {
                assertThat(invoices.get(b.get("invoice_id")).get("customer_id"))
                    .isEqualTo(b.get("customer_id"));
              }
            });
    var emails = customers.values().stream().map(c -> c.get("email")).collect(Collectors.toSet());
    Fixture.all("newsletters").forEach(n -> assertThat(emails).contains(n.get("email")));
    Fixture.all("customers_metadata")
        .forEach(
            m ->
                assertThat(customers.get(m.get("customer_id")).get("email"))
                    .isEqualTo(m.get("email")));
  }

  private static Map<String, CSVRecord> byId(String type) {
    return Fixture.all(type).stream()
        .collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
  }
}
