package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.data.World.Customer;
import pelcro.exports.sandbox.data.World.Invoice;
import pelcro.exports.sandbox.data.World.Subscription;

/** The recurring-billing tables: subscriptions, memberships and invoices. */
final class BillingTables {
  private BillingTables() {}

  static List<Table<?>> all() {
    return List.of(subscriptions(), memberships(), invoices());
  }

  /** A product's name on a site (products 1 to 4 are the subscription products). */
  static String productName(World w, long site, long productId) {
    return Pools.at(
        w.pools.productNames, w.draw.bits(site, Kind.SUBSCRIPTION, -100 - productId, 10));
  }

  record Sub(World world, long site, Subscription sub) implements Table.Fact {
    @Override
    public long created() {
      return sub.created();
    }
  }

  private static Table<Sub> subscriptions() {
    return new Table<>(
        "subscriptions",
        Kind.SUBSCRIPTION,
        "id",
        "customer_id",
        "customer_email",
        "plan_id",
        "plan_name",
        "product_id",
        "product_name",
        "status",
        "collection_method",
        "quantity",
        "currency",
        "amount",
        "interval") {
      Sub fact(World w, long site, long i) {
        return new Sub(w, site, w.subscription(site, i));
      }

      void fill(Sub f, String[] out) {
        Subscription s = f.sub();
        Customer c = s.customer();
        String product = productName(f.world(), f.site(), s.productId());
        out[0] = s(s.id());
        out[1] = s(c.id());
        out[2] = c.email();
        out[3] = s(s.planId());
        out[4] = product + " Monthly";
        out[5] = s(s.productId());
        out[6] = product;
        out[7] = s.status();
        out[8] = s.collectionMethod();
        out[9] = Integer.toString(s.quantity());
        out[10] = c.currency();
        out[11] = s(s.amount());
        out[12] = "month";
      }
    };
  }

  /** A member of a subscription (a group or gift seat): its own customer, status and dates. */
  record Member(World world, long i, Subscription sub, Customer member, String status, long created)
      implements Table.Fact {}

  private static Table<Member> memberships() {
    return new Table<>(
        "memberships",
        Kind.MEMBERSHIP,
        "id",
        "subscription_id",
        "customer_id",
        "customer_email",
        "plan_id",
        "product_id",
        "status",
        "collection_method",
        "currency") {
      Member fact(World w, long site, long i) {
        Subscription sub = w.subscription(site, w.parent(site, Kind.MEMBERSHIP, i, 3));
        Customer member = w.customer(site, w.parent(site, Kind.MEMBERSHIP, i, 4));
        long created =
            w.created(site, Kind.MEMBERSHIP, i, Math.max(sub.created(), member.created()));
        String status = w.subscriptionStatus.pick(w.draw.bits(site, Kind.MEMBERSHIP, i, 5));
        return new Member(w, i, sub, member, status, created);
      }

      void fill(Member f, String[] out) {
        out[0] = s(f.i() + 1);
        out[1] = s(f.sub().id());
        out[2] = s(f.member().id());
        out[3] = f.member().email();
        out[4] = s(f.sub().planId());
        out[5] = s(f.sub().productId());
        out[6] = f.status();
        out[7] = f.sub().collectionMethod();
        out[8] = f.sub().customer().currency();
      }
    };
  }

  private static Table<Invoice> invoices() {
    return new Table<>(
        "invoices",
        Kind.INVOICE,
        "id",
        "number",
        "customer_id",
        "subscription_id",
        "plan_id",
        "status",
        "collection_method",
        "currency",
        "subtotal",
        "tax",
        "total",
        "amount_paid",
        "amount_due") {
      Invoice fact(World w, long site, long i) {
        return w.invoice(site, i);
      }

      void fill(Invoice f, String[] out) {
        Subscription s = f.subscription();
        boolean paid = f.status().equals("paid");
        boolean closed = paid || f.status().equals("void") || f.status().equals("uncollectible");
        out[0] = s(f.id());
        out[1] = "INV-" + (100000 + f.id());
        out[2] = s(s.customer().id());
        out[3] = s(s.id());
        out[4] = s(s.planId());
        out[5] = f.status();
        out[6] = s.collectionMethod();
        out[7] = s.customer().currency();
        out[8] = s(f.subtotal());
        out[9] = s(f.tax());
        out[10] = s(f.total());
        out[11] = s(paid ? f.total() : 0);
        out[12] = s(closed ? 0 : f.total());
      }
    };
  }
}
