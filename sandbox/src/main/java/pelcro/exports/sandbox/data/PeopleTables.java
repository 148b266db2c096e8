package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.data.World.Customer;

/** The tables about people: customers, their metadata, addresses and newsletter sign-ups. */
final class PeopleTables {
  private PeopleTables() {}

  static List<Table<?>> all() {
    return List.of(customers(), metadata(), addresses(), newsletters());
  }

  /** Record {@code i} of a table that belongs to a customer, with the draws it needs. */
  record Owned(World world, long site, long i, Customer customer, long created)
      implements Table.Fact {
    /** Customer {@code i} itself. */
    static Owned customerAt(World w, long site, long i) {
      Customer c = w.customer(site, i);
      return new Owned(w, site, i, c, c.created());
    }

    /** Record {@code i} of {@code kind}, which belongs to a customer it picks (field 3). */
    static Owned ofCustomer(World w, long site, Kind kind, long i) {
      Customer c = w.customer(site, w.parent(site, kind, i, 3));
      return new Owned(w, site, i, c, w.created(site, kind, i, c.created()));
    }

    long bits(Kind kind, int field) {
      return world.draw.bits(site, kind, i, field);
    }
  }

  private static Table<Owned> customers() {
    return new Table<>(
        "customers",
        Kind.CUSTOMER,
        "id",
        "email",
        "first_name",
        "last_name",
        "phone",
        "company",
        "currency",
        "country") {
      Owned fact(World w, long site, long i) {
        return Owned.customerAt(w, site, i);
      }

      void fill(Owned f, String[] out) {
        Customer c = f.customer();
        Pools p = f.world().pools;
        out[0] = s(c.id());
        out[1] = c.email();
        out[2] = c.firstName();
        out[3] = c.lastName();
        out[4] = Pools.at(p.phones, f.bits(Kind.CUSTOMER, 7));
        out[5] =
            f.bits(Kind.CUSTOMER, 8) % 3 == 0
                ? Pools.at(p.companies, f.bits(Kind.CUSTOMER, 9))
                : "";
        out[6] = c.currency();
        out[7] = c.country();
      }
    };
  }

  /** One row per customer (same index), with the custom fields a site defined. */
  private static Table<Owned> metadata() {
    return new Table<>(
        "customers_metadata",
        Kind.CUSTOMER_METADATA,
        "customer_id",
        "email",
        "company_size",
        "industry",
        "referral_source") {
      Owned fact(World w, long site, long i) {
        return Owned.customerAt(w, site, i);
      }

      void fill(Owned f, String[] out) {
        out[0] = s(f.customer().id());
        out[1] = f.customer().email();
        out[2] =
            new String[] {"1-10", "11-50", "51-200", "201-1000", "1000+"}
                [(int) ((f.bits(Kind.CUSTOMER_METADATA, 3) >>> 1) % 5)];
        out[3] = Pools.at(f.world().pools.industries, f.bits(Kind.CUSTOMER_METADATA, 4));
        out[4] =
            new String[] {"search", "social", "newsletter", "friend", "podcast", ""}
                [(int) ((f.bits(Kind.CUSTOMER_METADATA, 5) >>> 1) % 6)];
      }
    };
  }

  private static Table<Owned> addresses() {
    return new Table<>(
        "addresses",
        Kind.ADDRESS,
        "id",
        "customer_id",
        "type",
        "first_name",
        "last_name",
        "line1",
        "line2",
        "city",
        "state",
        "postal_code",
        "country") {
      Owned fact(World w, long site, long i) {
        return Owned.ofCustomer(w, site, Kind.ADDRESS, i);
      }

      void fill(Owned f, String[] out) {
        Pools p = f.world().pools;
        Customer c = f.customer();
        out[0] = s(f.i() + 1);
        out[1] = s(c.id());
        out[2] = f.world().addressType.pick(f.bits(Kind.ADDRESS, 4));
        out[3] = c.firstName();
        out[4] = c.lastName();
        out[5] = Pools.at(p.streets, f.bits(Kind.ADDRESS, 5));
        out[6] =
            f.bits(Kind.ADDRESS, 6) % 5 == 0
                ? "Apt " + (1 + (f.bits(Kind.ADDRESS, 7) >>> 1) % 400)
                : "";
        out[7] = Pools.at(p.cities, f.bits(Kind.ADDRESS, 8));
        out[8] = Pools.at(p.states, f.bits(Kind.ADDRESS, 9));
        out[9] = Pools.at(p.postalCodes, f.bits(Kind.ADDRESS, 10));
        out[10] = c.country();
      }
    };
  }

  private static Table<Owned> newsletters() {
    return new Table<>(
        "newsletters",
        Kind.NEWSLETTER,
        "id",
        "email",
        "first_name",
        "last_name",
        "lists",
        "subscribed") {
      Owned fact(World w, long site, long i) {
        return Owned.ofCustomer(w, site, Kind.NEWSLETTER, i);
      }

      void fill(Owned f, String[] out) {
        out[0] = s(f.i() + 1);
        out[1] = f.customer().email();
        out[2] = f.customer().firstName();
        out[3] = f.customer().lastName();
        out[4] =
            new String[] {
                  "Daily Briefing", "Weekly Digest", "Daily Briefing;Weekly Digest", "Offers"
                }
                [(int) ((f.bits(Kind.NEWSLETTER, 4) >>> 1) % 4)];
        out[5] = f.bits(Kind.NEWSLETTER, 5) % 5 == 0 ? "false" : "true";
      }
    };
  }
}
