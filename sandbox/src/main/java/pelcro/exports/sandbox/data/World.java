package pelcro.exports.sandbox.data;

/**
 * The generated world of every site: the facts of each record (its parents, currency, amounts,
 * times), derived by index arithmetic so that references always resolve.
 *
 * <p>A child record at index {@code i} picks its parent at an index {@code <= i}; since indexes
 * grow with time, a parent is never created after its child. Currencies are inherited from the
 * customer, amounts from the plan or invoice, so the whole chain agrees.
 */
final class World {
  static final int PLANS = 12;
  static final int SKUS = 16;
  private static final String[] EURO_COUNTRIES = {"DE", "FR", "ES", "IT", "NL", "IE"};

  final Draw draw;
  final Pools pools;
  final TimeGrid grid;
  final long count;
  final Vocab subscriptionStatus = Vocab.of("SubscriptionStatus", "active", 55);
  final Vocab collectionMethod = Vocab.of("CollectionMethod", "charge_automatically", 75);
  final Vocab invoiceStatus = Vocab.of("InvoiceStatus", "paid", 65);
  final Vocab paymentCategory = Vocab.of("PaymentCategory", "Card", 65);
  final Vocab refundStatus = Vocab.of("RefundStatus", "succeeded", 75);
  final Vocab orderStatus = Vocab.of("OrderStatus", "fulfilled", 45);
  final Vocab addressType = Vocab.of("AddressType", "billing", 50);
  final Vocab balanceType = Vocab.of("BalanceTransactionType", "credit", 50);

  World(long seed, long count, SeedWindow window) {
    this.draw = new Draw(seed);
    this.pools = Pools.of(seed);
    this.grid = new TimeGrid(window.start().getEpochSecond(), window.end().getEpochSecond(), count);
    this.count = count;
  }

  /** When record {@code i} was created, not before {@code parentCreated}. */
  long created(long site, Kind kind, long i, long parentCreated) {
    long own = grid.base(i) + draw.belowLong(site, kind, i, 0, grid.width());
    return Math.min(grid.end(), Math.max(own, parentCreated));
  }

  /**
   * When record {@code i} was last updated: a third of the records change later, up to the anchor.
   */
  long updated(long site, Kind kind, long i, long created) {
    if (!draw.chance(site, kind, i, 1, 35)) {
      return created;
    }
    return created + (long) (draw.unit(site, kind, i, 2) * (grid.end() - created));
  }

  /** A parent index in {@code [0, i]}, so the parent exists and is older. */
  long parent(long site, Kind kind, long i, int field) {
    return draw.belowLong(site, kind, i, field, i + 1);
  }

  Customer customer(long site, long c) {
    long bits = draw.bits(site, Kind.CUSTOMER, c, 3);
    int share = (int) ((bits >>> 1) % 100);
    String currency =
        share < 55 ? "usd" : share < 75 ? "eur" : share < 85 ? "gbp" : share < 95 ? "cad" : "aud";
    String country =
        switch (currency) {
          case "usd" -> "US";
          case "gbp" -> "GB";
          case "cad" -> "CA";
          case "aud" -> "AU";
          default -> EURO_COUNTRIES[(int) ((bits >>> 20) % EURO_COUNTRIES.length)];
        };
    long first = draw.bits(site, Kind.CUSTOMER, c, 4);
    long last = draw.bits(site, Kind.CUSTOMER, c, 5);
    String email =
        Pools.at(pools.firstSlugs, first)
            + "."
            + Pools.at(pools.lastSlugs, last)
            + "."
            + (c + 1)
            + "@"
            + Pools.at(pools.domains, draw.bits(site, Kind.CUSTOMER, c, 6));
    return new Customer(
        c + 1,
        Pools.at(pools.firstNames, first),
        Pools.at(pools.lastNames, last),
        email,
        currency,
        country,
        created(site, Kind.CUSTOMER, c, 0));
  }

  Subscription subscription(long site, long s) {
    Customer customer = customer(site, parent(site, Kind.SUBSCRIPTION, s, 3));
    int plan = draw.below(site, Kind.SUBSCRIPTION, s, 4, PLANS);
    int quantity =
        draw.chance(site, Kind.SUBSCRIPTION, s, 5, 90)
            ? 1
            : 2 + draw.below(site, Kind.SUBSCRIPTION, s, 6, 4);
    return new Subscription(
        s + 1,
        customer,
        planId(plan),
        subscriptionProductId(plan / 3),
        subscriptionStatus.pick(draw.bits(site, Kind.SUBSCRIPTION, s, 7)),
        collectionMethod.pick(draw.bits(site, Kind.SUBSCRIPTION, s, 8)),
        quantity,
        planPrice(site, plan) * quantity,
        created(site, Kind.SUBSCRIPTION, s, customer.created()));
  }

  /** Plan ids; the docs' example plans come first (see DocExampleIds). */
  private static final long[] PLAN_IDS =
      DocExampleIds.fromSpec().ids(PLANS, 1, "plan_id", "subscriptions", "memberships");

  /** Subscription product ids (three plans each); the docs' example products come first. */
  private static final long[] PRODUCT_IDS =
      DocExampleIds.fromSpec().ids(PLANS / 3, 1, "product_id", "subscriptions", "memberships");

  static long planId(int plan) {
    return PLAN_IDS[plan];
  }

  static long subscriptionProductId(int product) {
    return PRODUCT_IDS[product];
  }

  /** A plan's monthly price in cents: 4.99 to 43.99. */
  long planPrice(long site, int plan) {
    return 499 + 100L * draw.below(site, Kind.SUBSCRIPTION, -1 - plan, 9, 40);
  }

  Invoice invoice(long site, long j) {
    Subscription sub = subscription(site, parent(site, Kind.INVOICE, j, 3));
    long taxPercent = new long[] {0, 5, 8, 13, 20}[draw.below(site, Kind.INVOICE, j, 4, 5)];
    long tax = sub.amount() * taxPercent / 100;
    return new Invoice(
        j + 1,
        sub,
        invoiceStatus(site, j),
        sub.amount(),
        tax,
        sub.amount() + tax,
        created(site, Kind.INVOICE, j, sub.created()));
  }

  /** Payment {@code k} settles invoice {@code k}; its status follows the invoice's. */
  Payment payment(long site, long k) {
    Invoice invoice = invoice(site, k);
    String status =
        switch (invoice.status()) {
          case "paid" -> "succeeded";
          case "draft", "open" -> "pending";
          default -> "failed";
        };
    String category = paymentCategory.pick(draw.bits(site, Kind.PAYMENT, k, 3));
    boolean online =
        category.equals("Card") || category.equals("Transfer") || category.equals("External");
    String destination =
        online
            ? new String[] {"stripe", "stripe", "braintree", "paypal"}
                [draw.below(site, Kind.PAYMENT, k, 4, 4)]
            : "bank_account";
    return new Payment(
        k + 1,
        invoice,
        status,
        online ? "online" : "offline",
        category,
        destination,
        created(site, Kind.PAYMENT, k, invoice.created()));
  }

  /** Refund {@code r} refers to a succeeded payment at or before index {@code r}. */
  Refund refund(long site, long r) {
    long start = r - draw.belowLong(site, Kind.REFUND, r, 3, Math.min(r + 1, 1000));
    long k = start;
    while (!invoiceStatus(site, k).equals("paid")) {
      k--; // ends at 0 at the latest: the first invoice is paid
    }
    Payment payment = payment(site, k);
    long total = payment.invoice().total();
    long amount =
        draw.chance(site, Kind.REFUND, r, 4, 70)
            ? total
            : 1 + draw.belowLong(site, Kind.REFUND, r, 5, Math.max(1, total));
    return new Refund(
        r + 1,
        payment,
        refundStatus.pick(draw.bits(site, Kind.REFUND, r, 6)),
        amount,
        new String[] {"requested_by_customer", "duplicate", "fraudulent"}
            [draw.below(site, Kind.REFUND, r, 7, 3)],
        created(site, Kind.REFUND, r, payment.created()));
  }

  /**
   * Invoice {@code j}'s status; a site's first invoice is paid, so every refund finds a payment.
   */
  private String invoiceStatus(long site, long j) {
    return j == 0 ? "paid" : invoiceStatus.pick(draw.bits(site, Kind.INVOICE, j, 5));
  }

  /** A customer. */
  record Customer(
      long id,
      String firstName,
      String lastName,
      String email,
      String currency,
      String country,
      long created) {}

  /** A subscription; {@code amount} is the monthly total in cents. */
  record Subscription(
      long id,
      Customer customer,
      long planId,
      long productId,
      String status,
      String collectionMethod,
      int quantity,
      long amount,
      long created) {}

  /** A subscription invoice; amounts in cents. */
  record Invoice(
      long id,
      Subscription subscription,
      String status,
      long subtotal,
      long tax,
      long total,
      long created)
      implements Table.Fact {}

  /** The payment of one invoice, for the invoice's total. */
  record Payment(
      long id,
      Invoice invoice,
      String status,
      String type,
      String category,
      String destination,
      long created)
      implements Table.Fact {}

  /** A refund of (part of) a payment. */
  record Refund(long id, Payment payment, String status, long amount, String reason, long created)
      implements Table.Fact {}
}
