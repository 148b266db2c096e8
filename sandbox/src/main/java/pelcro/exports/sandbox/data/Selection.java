package pelcro.exports.sandbox.data;

import java.util.List;
import pelcro.exports.sandbox.files.Rows;

/**
 * The rows of one table that match a query at an instant, produced one at a time.
 *
 * <p>Only the index range whose time slots can fall in the date range is visited. A record
 * created after {@code asOf} does not exist yet; one updated after {@code asOf} is shown as it
 * was then ({@code updated_at = created_at}), so a file depends on its query and instant only.
 */
final class Selection<F> implements Rows {
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

  Selection(World world, Table<F> table, long site, Criteria criteria, long asOf) {
    this.world = world;
    this.table = table;
    this.site = site;
    this.criteria = criteria;
    this.asOf = asOf;
    long upper = Math.min(criteria.to(), asOf);
    // created_at <= updated_at, so even for modified_data nothing created after `to` matches.
    this.end = Math.min(world.count, world.grid.endIndexTo(upper));
    this.index = criteria.modified() ? 0 : world.grid.firstIndexFrom(criteria.from());
    this.createdColumn = table.columns().size() - 2;
  }

  /** The selection of {@code table}'s rows (a factory, so a wildcard table can be passed). */
  static <F> Selection<F> of(World world, Table<F> table, long site, Criteria criteria, long asOf) {
    return new Selection<>(world, table, site, criteria, asOf);
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
