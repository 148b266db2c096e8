package pelcro.exports.sandbox.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pelcro.exports.openapi.ExportsSpec;

/**
 * A query's filters, compiled against one table: the time range and the column matches.
 *
 * <p>Filtering is generic: a filter named X keeps the rows whose column X equals its value, so
 * every filter the spec lists works on every type that takes it, with no per-type code. Only the
 * range fields are special ({@code date_from}/{@code date_to} on {@code created_at}, or on {@code
 * updated_at} with {@code mode=modified_data}), {@code all} for the two enum filters that document
 * it (status, category) means no filter, and the filters the spec marks {@code x-case-insensitive}
 * (email, country) compare without case.
 */
record Criteria(long from, long to, boolean modified, List<Match> matches) {
  private static final Set<String> NOT_COLUMNS =
      Set.of("date_from", "date_to", "mode", "site_id", "object");
  private static final Set<String> ALL_MEANS_ANY = Set.of("status", "category");
  private static final Set<String> WITHOUT_CASE = ExportsSpec.get().caseInsensitiveFields();

  /** A column that must hold one of the allowed values (lowercase when {@code ignoreCase}). */
  record Match(int column, Set<String> allowed, boolean ignoreCase) {
    boolean accepts(String value) {
      return allowed.contains(ignoreCase ? value.toLowerCase(Locale.ROOT) : value);
    }
  }

  /** Compiles the request's filters (spec field names, Long or String values). */
  static Criteria of(Table<?> table, Map<String, Object> filters) {
    Map<String, Set<String>> columns = new java.util.LinkedHashMap<>();
    filters.forEach(
        (name, value) -> {
          String text = String.valueOf(value);
          if (!NOT_COLUMNS.contains(name)
              && !(ALL_MEANS_ANY.contains(name) && text.equals("all"))) {
            columns.put(name, Set.of(text));
          }
        });
    return of(
        table,
        time(filters.get("date_from"), Long.MIN_VALUE),
        time(filters.get("date_to"), Long.MAX_VALUE),
        "modified_data".equals(filters.get("mode")),
        columns);
  }

  /** Compiles column matches with several allowed values (the accounting reports use these). */
  static Criteria of(
      Table<?> table, long from, long to, boolean modified, Map<String, Set<String>> columns) {
    List<Match> matches = new ArrayList<>();
    columns.forEach(
        (name, allowed) -> {
          int index = table.columns().indexOf(name);
          if (index < 0) {
            throw new IllegalArgumentException(
                table.type() + " has no column " + name + " to filter on");
          }
          boolean ignoreCase = WITHOUT_CASE.contains(name);
          Set<String> values =
              ignoreCase
                  ? allowed.stream()
                      .map(v -> v.toLowerCase(Locale.ROOT))
                      .collect(Collectors.toSet())
                  : allowed;
          matches.add(new Match(index, Set.copyOf(values), ignoreCase));
        });
    return new Criteria(from, to, modified, List.copyOf(matches));
  }

  boolean matches(String[] row) {
    for (Match m : matches) {
      if (!m.accepts(row[m.column()])) {
        return false;
      }
    }
    return true;
  }

  private static long time(Object value, long absent) {
    return value == null ? absent : ((Number) value).longValue();
  }
}
