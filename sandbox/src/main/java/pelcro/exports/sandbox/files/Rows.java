package pelcro.exports.sandbox.files;

import java.util.List;

/** A pull-based source of CSV rows: the writers ask for one row at a time, never for all. */
public interface Rows {

  /** The header row. */
  List<String> columns();

  /**
   * Fills {@code row} (sized like {@link #columns()}) with the next row.
   *
   * @return false when there is no more row; {@code row} is then untouched
   */
  boolean next(String[] row);
}
