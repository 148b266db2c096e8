package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.data.World.Customer;

/** The e-commerce and marketing tables: orders and campaign reports. */
final class CommerceTables {
  private CommerceTables() {}

  static List<Table<?>> all() {
    return List.of(orders(), campaignReports());
  }

  /**
   * Campaigns whose performance the reports cover; report {@code i} is about campaign {@code i mod
   * 24}.
   */
  static final int CAMPAIGNS = 24;

  /** E-commerce product ids (four SKUs each); the docs' example products come first. */
  private static final long[] ORDER_PRODUCT_IDS =
      DocExampleIds.fromSpec().ids(World.SKUS / 4, 101, "product_id", "orders");

  private static final long[] SKU_IDS =
      DocExampleIds.fromSpec().ids(World.SKUS, 1001, "sku_id", "orders");

  /** Campaign keys and ids that the docs' examples name go to the first campaigns. */
  private static final List<Object> CAMPAIGN_KEYS =
      DocExampleIds.fromSpec().values("campaign_key", "campaign_reports");

  private static final long[] CAMPAIGN_IDS =
      DocExampleIds.fromSpec().ids(CAMPAIGNS, 1, "id", "campaign_reports");

  /**
   * An order of one SKU; four SKUs (from 1001) belong to each e-commerce product (from 101, the
   * docs' example product first).
   */
  record Order(
      World world,
      long site,
      long i,
      Customer customer,
      int sku,
      int quantity,
      String status,
      long created)
      implements Table.Fact {
    long productId() {
      return ORDER_PRODUCT_IDS[sku / 4];
    }

    long skuId() {
      return SKU_IDS[sku];
    }

    long price() {
      return 999 + 500L * world.draw.below(site, Kind.ORDER, -1 - sku, 9, 20);
    }
  }

  private static Table<Order> orders() {
    return new Table<>(
        "orders",
        Kind.ORDER,
        "id",
        "customer_id",
        "customer_email",
        "product_id",
        "product_name",
        "sku_id",
        "status",
        "quantity",
        "currency",
        "amount") {
      Order fact(World w, long site, long i) {
        Customer c = w.customer(site, w.parent(site, Kind.ORDER, i, 3));
        int sku = w.draw.below(site, Kind.ORDER, i, 4, World.SKUS);
        int quantity = 1 + w.draw.below(site, Kind.ORDER, i, 5, 3);
        String status = w.orderStatus.pick(w.draw.bits(site, Kind.ORDER, i, 6));
        return new Order(
            w, site, i, c, sku, quantity, status, w.created(site, Kind.ORDER, i, c.created()));
      }

      void fill(Order f, String[] out) {
        out[0] = s(f.i() + 1);
        out[1] = s(f.customer().id());
        out[2] = f.customer().email();
        out[3] = s(f.productId());
        out[4] = BillingTables.productName(f.world(), f.site(), f.productId());
        out[5] = s(f.skuId());
        out[6] = f.status();
        out[7] = Integer.toString(f.quantity());
        out[8] = f.customer().currency();
        out[9] = s(f.price() * f.quantity());
      }
    };
  }

  /**
   * One report of a campaign's performance (impressions, clicks, conversions, revenue) for the day
   * of its {@code created_at}. A campaign has reports all through the seeded period, so a filter on
   * one campaign finds rows in any recent range.
   */
  record Campaign(World world, long site, long i, long created) implements Table.Fact {
    long bits(int field) {
      return world.draw.bits(site, Kind.CAMPAIGN, i, field);
    }

    int campaign() {
      return (int) (i % CAMPAIGNS);
    }

    /** A draw that is the same for every report of the campaign (its name, its channel). */
    long campaignBits(int field) {
      return world.draw.bits(site, Kind.CAMPAIGN, -1 - campaign(), field);
    }
  }

  private static Table<Campaign> campaignReports() {
    return new Table<>(
        "campaign_reports",
        Kind.CAMPAIGN,
        "id",
        "campaign_key",
        "name",
        "channel",
        "impressions",
        "clicks",
        "conversions",
        "currency",
        "revenue") {
      Campaign fact(World w, long site, long i) {
        return new Campaign(w, site, i, w.created(site, Kind.CAMPAIGN, i, 0));
      }

      void fill(Campaign f, String[] out) {
        int c = f.campaign();
        String word = Pools.at(f.world().pools.campaignWords, f.campaignBits(3));
        long impressions = 1000 + (f.bits(4) >>> 1) % 200_000;
        long clicks = impressions * (1 + (f.bits(5) >>> 1) % 80) / 1000;
        long conversions = clicks * (1 + (f.bits(6) >>> 1) % 150) / 1000;
        out[0] = s(CAMPAIGN_IDS[c]);
        out[1] =
            c < CAMPAIGN_KEYS.size()
                ? String.valueOf(CAMPAIGN_KEYS.get(c))
                : word.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + (c + 1);
        out[2] = word + " campaign " + (c + 1);
        out[3] =
            new String[] {"email", "social", "search", "display"}
                [(int) ((f.campaignBits(7) >>> 1) % 4)];
        out[4] = s(impressions);
        out[5] = s(clicks);
        out[6] = s(conversions);
        out[7] = "usd";
        out[8] = s(conversions * (499 + (f.bits(8) >>> 1) % 2000));
      }
    };
  }
}
