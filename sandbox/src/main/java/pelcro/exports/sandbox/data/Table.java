package pelcro.exports.sandbox.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One export type's CSV: its columns and how record {@code i} of a site fills them.
 *
 * <p>Every table ends with {@code created_at} and {@code updated_at}, filled by the {@link
 * Selection}; a filterable attribute is the column named like its filter.
 *
 * @param <F> the record's facts, computed once per row
 */
abstract class Table<F extends Table.Fact> {
  /** What a table knows of every record: when it was created (Unix seconds). */
  interface Fact {
    long created();
  }

  private final String type;
  private final Kind kind;
  private final List<String> columns;

  Table(String type, Kind kind, String... ownColumns) {
    this.type = type;
    this.kind = kind;
    List<String> all = new ArrayList<>(List.of(ownColumns));
    all.add("created_at");
    all.add("updated_at");
    this.columns = List.copyOf(all);
  }

  /** The export type, as {@code ExportType} spells it. */
  String type() {
    return type;
  }

  Kind kind() {
    return kind;
  }

  /** The header row. */
  List<String> columns() {
    return columns;
  }

  /** The facts of record {@code i}. */
  abstract F fact(World world, long site, long i);

  /** When the record was created (Unix seconds). */
  final long created(F fact) {
    return fact.created();
  }

  /** Fills every column but the last two (the timestamps). */
  abstract void fill(F fact, String[] out);

  /** Decimal text of a number; small ones (ids of plans, products, quantities) are cached. */
  static String s(long value) {
    return value >= 0 && value < SMALL.length ? SMALL[(int) value] : Long.toString(value);
  }

  private static final String[] SMALL = new String[4096];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i);
    }
  }
}
