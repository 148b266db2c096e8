package pelcro.exports.sandbox.files;

import java.util.List;

/**
 * A file's rows cut into consecutive parts that can be printed independently, on any thread, and
 * joined in order to the same bytes as one pass would give.
 */
public interface RowParts {

  /** The header row. */
  List<String> columns();

  /** How many parts there are; a part may hold no row. */
  int count();

  /** A fresh source of the rows of part {@code k} (0-based), in file order. */
  Rows part(int k);
}
