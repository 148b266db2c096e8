package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.files.RowParts;
import pelcro.exports.sandbox.files.Rows;

/**
 * The rows of one table that match a query at an instant, produced one at a time.
 *
 * <p>Only the index range whose time slots can fall in the date range is visited. A record created
 * after {@code asOf} does not exist yet; one updated after {@code asOf} is shown as it was then
 * ({@code updated_at = created_at}), so a file depends on its query and instant only.
 */
final class Selection<F extends Table.Fact> implements Rows {
  private final World world;
  private final Table<F> table;
  private final long site;
  private final Criteria criteria;
  private final long asOf;
  private final long end;
  private final int createdColumn;
  private final Timestamps created = new Timestamps();
  private final Timestamps updated = new Timestamps();
  private long index;

  private Selection(
      World world, Table<F> table, long site, Criteria criteria, long asOf, long start, long end) {
    this.world = world;
    this.table = table;
    this.site = site;
    this.criteria = criteria;
    this.asOf = asOf;
    this.index = start;
    this.end = end;
    this.createdColumn = table.columns().size() - 2;
  }

  /** The selection of {@code table}'s rows (a factory, so a wildcard table can be passed). */
  static <F extends Table.Fact> Selection<F> of(
      World world, Table<F> table, long site, Criteria criteria, long asOf) {
    long[] range = range(world, criteria, asOf);
    return new Selection<>(world, table, site, criteria, asOf, range[0], range[1]);
  }

  /**
   * The same rows cut into parts of {@code indicesPerPart} record indices, for printing on several
   * threads: record {@code i} depends on nothing but {@code i}, so parts are independent.
   */
  static <F extends Table.Fact> RowParts parts(
      World world, Table<F> table, long site, Criteria criteria, long asOf, int indicesPerPart) {
    long[] range = range(world, criteria, asOf);
    long start = range[0];
    long end = range[1];
    int count = (int) Math.max(0, (end - start + indicesPerPart - 1) / indicesPerPart);
    return new RowParts() {
      @Override
      public List<String> columns() {
        return table.columns();
      }

      @Override
      public int count() {
        return count;
      }

      @Override
      public Rows part(int k) {
        long from = start + (long) k * indicesPerPart;
        return new Selection<>(
            world, table, site, criteria, asOf, from, Math.min(end, from + indicesPerPart));
      }
    };
  }

  /** The record indices whose time slots can fall in the query's date range: [start, end). */
  private static long[] range(World world, Criteria criteria, long asOf) {
    long upper = Math.min(criteria.to(), asOf);
    // created_at <= updated_at, so even for modified_data nothing created after `to` matches.
    long end = Math.min(world.count, world.grid.endIndexTo(upper));
    long start = criteria.modified() ? 0 : world.grid.firstIndexFrom(criteria.from());
    return new long[] {start, end};
  }

  @Override
  public List<String> columns() {
    return table.columns();
  }

  @Override
  public boolean next(String[] row) {
    while (index < end) {
      long i = index++;
      F fact = table.fact(world, site, i);
      long created = table.created(fact);
      if (created > asOf) {
        continue;
      }
      long updated = world.updated(site, table.kind(), i, created);
      if (updated > asOf) {
        updated = created;
      }
      long key = criteria.modified() ? updated : created;
      if (key < criteria.from() || key > criteria.to()) {
        continue;
      }
      table.fill(fact, row);
      if (criteria.matches(row)) {
        row[createdColumn] = this.created.print(created);
        // Two records in three are never updated: reuse the text rather than format it again.
        row[createdColumn + 1] =
            updated == created ? row[createdColumn] : this.updated.print(updated);
        return true;
      }
    }
    return false;
  }
}
