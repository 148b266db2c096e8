package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.data.World.Customer;
import pelcro.exports.sandbox.data.World.Invoice;
import pelcro.exports.sandbox.data.World.Payment;
import pelcro.exports.sandbox.data.World.Refund;

/** The tables of money movements: payments, refunds, balance transactions and credit notes. */
final class MoneyTables {
  private static final String[] CREDIT_NOTE_REASONS = {
    "duplicate", "fraudulent", "order_change", "product_unsatisfactory"
  };

  private MoneyTables() {}

  static List<Table<?>> all() {
    return List.of(payments(), refunds(), balanceTransactions(), creditNotes());
  }

  private static Table<Payment> payments() {
    return new Table<>(
        "payments",
        Kind.PAYMENT,
        "id",
        "invoice_id",
        "customer_id",
        "customer_email",
        "status",
        "type",
        "category",
        "destination",
        "currency",
        "amount") {
      Payment fact(World w, long site, long i) {
        return w.payment(site, i);
      }

      void fill(Payment f, String[] out) {
        Customer c = f.invoice().subscription().customer();
        out[0] = s(f.id());
        out[1] = s(f.invoice().id());
        out[2] = s(c.id());
        out[3] = c.email();
        out[4] = f.status();
        out[5] = f.type();
        out[6] = f.category();
        out[7] = f.destination();
        out[8] = c.currency();
        out[9] = s(f.invoice().total());
      }
    };
  }

  private static Table<Refund> refunds() {
    return new Table<>(
        "refunds",
        Kind.REFUND,
        "id",
        "payment_id",
        "invoice_id",
        "customer_id",
        "status",
        "type",
        "reason",
        "currency",
        "amount") {
      Refund fact(World w, long site, long i) {
        return w.refund(site, i);
      }

      void fill(Refund f, String[] out) {
        Payment p = f.payment();
        Customer c = p.invoice().subscription().customer();
        out[0] = s(f.id());
        out[1] = s(p.id());
        out[2] = s(p.invoice().id());
        out[3] = s(c.id());
        out[4] = f.status();
        out[5] = p.type();
        out[6] = f.reason();
        out[7] = c.currency();
        out[8] = s(f.amount());
      }
    };
  }

  /** A balance transaction: a credit to a customer, or a debit applying balance to an invoice. */
  record Balance(
      long id, Customer customer, Invoice invoice, String type, long amount, long created)
      implements Table.Fact {}

  private static Table<Balance> balanceTransactions() {
    return new Table<>(
        "balance_transactions",
        Kind.BALANCE_TRANSACTION,
        "id",
        "customer_id",
        "invoice_id",
        "type",
        "description",
        "currency",
        "amount") {
      Balance fact(World w, long site, long i) {
        String type = w.balanceType.pick(w.draw.bits(site, Kind.BALANCE_TRANSACTION, i, 3));
        if (type.equals("debit")) {
          Invoice invoice = w.invoice(site, w.parent(site, Kind.BALANCE_TRANSACTION, i, 4));
          long amount = 1 + w.draw.belowLong(site, Kind.BALANCE_TRANSACTION, i, 5, invoice.total());
          return new Balance(
              i + 1,
              invoice.subscription().customer(),
              invoice,
              type,
              amount,
              w.created(site, Kind.BALANCE_TRANSACTION, i, invoice.created()));
        }
        Customer customer = w.customer(site, w.parent(site, Kind.BALANCE_TRANSACTION, i, 4));
        long amount = 100 * (1 + w.draw.belowLong(site, Kind.BALANCE_TRANSACTION, i, 5, 50));
        return new Balance(
            i + 1,
            customer,
            null,
            type,
            amount,
            w.created(site, Kind.BALANCE_TRANSACTION, i, customer.created()));
      }

      void fill(Balance f, String[] out) {
        boolean debit = f.invoice() != null;
        out[0] = s(f.id());
        out[1] = s(f.customer().id());
        out[2] = debit ? s(f.invoice().id()) : "";
        out[3] = f.type();
        out[4] = debit ? "Applied to invoice INV-" + (100000 + f.invoice().id()) : "Account credit";
        out[5] = f.customer().currency();
        out[6] = s(f.amount());
      }
    };
  }

  /** A credit note against an invoice, for at most its total. */
  record CreditNote(
      long id, Invoice invoice, String reason, String status, long amount, long created)
      implements Table.Fact {}

  private static Table<CreditNote> creditNotes() {
    return new Table<>(
        "credit_notes",
        Kind.CREDIT_NOTE,
        "id",
        "number",
        "invoice_id",
        "customer_id",
        "reason",
        "status",
        "currency",
        "amount") {
      CreditNote fact(World w, long site, long i) {
        Invoice invoice = w.invoice(site, w.parent(site, Kind.CREDIT_NOTE, i, 3));
        String reason = CREDIT_NOTE_REASONS[w.draw.below(site, Kind.CREDIT_NOTE, i, 4, 4)];
        String status = w.draw.chance(site, Kind.CREDIT_NOTE, i, 5, 92) ? "issued" : "void";
        long amount = 1 + w.draw.belowLong(site, Kind.CREDIT_NOTE, i, 6, invoice.total());
        return new CreditNote(
            i + 1,
            invoice,
            reason,
            status,
            amount,
            w.created(site, Kind.CREDIT_NOTE, i, invoice.created()));
      }

      void fill(CreditNote f, String[] out) {
        Customer c = f.invoice().subscription().customer();
        out[0] = s(f.id());
        out[1] = "CN-" + (100000 + f.id());
        out[2] = s(f.invoice().id());
        out[3] = s(c.id());
        out[4] = f.reason();
        out[5] = f.status();
        out[6] = c.currency();
        out[7] = s(f.amount());
      }
    };
  }
}
