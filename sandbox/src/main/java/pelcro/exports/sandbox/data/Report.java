package pelcro.exports.sandbox.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One CSV of the accounting ZIP: its columns, and the per-type rows it is made of.
 *
 * <p>A report is a projection of per-type export rows selected with the same filters an integrator
 * could send (month range, currency, status...), so its figures agree with the per-type exports by
 * construction.
 *
 * @param file the file name, one of the spec's {@code x-accounting-files}
 * @param columns the header row
 * @param parts the sources, in order
 */
record Report(String file, List<String> columns, List<Part> parts) {

  /**
   * Rows of one table.
   *
   * @param type the export type the rows come from
   * @param filters column filters besides the month and currency
   * @param sources for each report column, the source column, or {@code =text} for a constant
   */
  record Part(String type, Map<String, Set<String>> filters, List<String> sources) {}

  static Report of(String file, List<String> columns, Part... parts) {
    for (Part p : parts) {
      if (p.sources().size() != columns.size()) {
        throw new IllegalArgumentException(file + ": a part does not fill every column");
      }
    }
    return new Report(file, columns, List.of(parts));
  }

  /**
   * A report of one type's rows, each column named as SQL selects it: {@code "id as payment_id"}
   * takes the type's {@code id} column, {@code "currency"} keeps the type's name.
   */
  static Report select(
      String file, String type, Map<String, Set<String>> filters, String... columns) {
    List<String> names = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (String column : columns) {
      int as = column.indexOf(" as ");
      sources.add(as < 0 ? column : column.substring(0, as));
      names.add(as < 0 ? column : column.substring(as + " as ".length()));
    }
    return of(file, List.copyOf(names), new Part(type, filters, List.copyOf(sources)));
  }

  static Part part(String type, Map<String, Set<String>> filters, String... sources) {
    return new Part(type, filters, List.of(sources));
  }
}
