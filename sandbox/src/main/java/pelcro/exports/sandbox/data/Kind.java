package pelcro.exports.sandbox.data;

/** The kinds of generated record; each has its own stream of hashes, so kinds never correlate. */
enum Kind {
  CUSTOMER,
  CUSTOMER_METADATA,
  ADDRESS,
  SUBSCRIPTION,
  MEMBERSHIP,
  INVOICE,
  PAYMENT,
  REFUND,
  BALANCE_TRANSACTION,
  CREDIT_NOTE,
  ORDER,
  NEWSLETTER,
  CAMPAIGN
}
