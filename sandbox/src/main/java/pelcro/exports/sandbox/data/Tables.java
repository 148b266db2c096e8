package pelcro.exports.sandbox.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Every per-type table, by export type. */
final class Tables {
  private static final Map<String, Table<?>> BY_TYPE = build();

  private Tables() {}

  /**
   * The table of a canonical export type ({@link ExportQuery#type()}: the request path already
   * turned {@code credit_note} into {@code credit_notes}); throws for {@code accounting} or an
   * unknown type.
   */
  static Table<?> of(String type) {
    Table<?> table = BY_TYPE.get(type);
    if (table == null) {
      throw new IllegalArgumentException("No table for export type " + type);
    }
    return table;
  }

  static Map<String, Table<?>> all() {
    return BY_TYPE;
  }

  private static Map<String, Table<?>> build() {
    Map<String, Table<?>> tables = new LinkedHashMap<>();
    Stream.of(PeopleTables.all(), BillingTables.all(), MoneyTables.all(), CommerceTables.all())
        .flatMap(java.util.List::stream)
        .forEach(t -> tables.put(t.type(), t));
    return Map.copyOf(tables);
  }
}
