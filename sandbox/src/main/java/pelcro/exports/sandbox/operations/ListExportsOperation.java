package pelcro.exports.sandbox.operations;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pelcro.exports.openapi.ExportsSpec;
import pelcro.exports.openapi.model.ExportJobPage;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.openapi.model.ExportTypeList;
import pelcro.exports.openapi.model.PageLinks;
import pelcro.exports.openapi.model.PageMeta;
import pelcro.exports.openapi.model.PageMetaLinksInner;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.domain.FieldMessages;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;

/**
 * {@code listExports} ({@code GET /exports}): the export types (the spec's decision), or with
 * {@code --list-mode jobs} the account's jobs, newest first, in the Core paginated envelope
 * (pagination-limits: {@code limit} default 10, at most 100).
 *
 * <p>{@code page} and {@code limit} are read the same way in both modes, with the bounds and
 * defaults of the spec's parameters (x-decision of {@code Limit}): by default a value out of bounds
 * serves the nearest page size or the default, as the vendor's framework does; with {@code strict}
 * it is refused with 400.
 */
public final class ListExportsOperation {
  /** What {@code GET /exports} lists. */
  public enum Mode {
    TYPES,
    JOBS
  }

  /** Read on the first call, not at construction: parsing the spec must not delay the start. */
  private static final class Bounds {
    static final Schema<?> PAGE = ExportsSpec.get().parameterSchema("Page");
    static final Schema<?> LIMIT = ExportsSpec.get().parameterSchema("Limit");
  }

  private final JobStore jobs;
  private final AccountClocks clocks;
  private final Mode mode;
  private final boolean strict;

  public ListExportsOperation(JobStore jobs, AccountClocks clocks, Mode mode) {
    this(jobs, clocks, mode, false);
  }

  /**
   * @param strict refuse a {@code page} or {@code limit} out of the spec's bounds (400)
   */
  public ListExportsOperation(JobStore jobs, AccountClocks clocks, Mode mode, boolean strict) {
    this.jobs = jobs;
    this.clocks = clocks;
    this.mode = mode;
    this.strict = strict;
  }

  /**
   * @param path the absolute URL of the list, for the page links
   */
  public Object handle(Caller caller, String siteIdParam, String page, String limit, String path) {
    SiteParameter.require(caller, siteIdParam);
    int perPage = bounded("limit", limit, Bounds.LIMIT);
    int current = bounded("page", page, Bounds.PAGE);
    if (mode == Mode.TYPES) {
      return new ExportTypeList().data(Arrays.asList(ExportType.values()));
    }
    Instant now = clocks.now(caller.accountId());
    List<ExportJob> jobs = this.jobs.jobs(caller.accountId());
    int total = jobs.size();
    int last = Math.max(1, (total + perPage - 1) / perPage);
    int from = (int) Math.min((long) (current - 1) * perPage, total);
    int to = Math.min(from + perPage, total);
    ExportJobPage result = new ExportJobPage();
    jobs.subList(from, to).forEach(j -> result.addDataItem(ExportView.of(j, now)));
    String base = path + "?site_id=" + siteIdParam + "&limit=" + perPage + "&page=";
    result.links(
        new PageLinks()
            .first(base + 1)
            .last(base + last)
            .prev(current > 1 ? base + (current - 1) : null)
            .next(current < last ? base + (current + 1) : null));
    List<PageMetaLinksInner> links = new ArrayList<>();
    links.add(
        new PageMetaLinksInner()
            .url(current > 1 ? base + (current - 1) : null)
            .label("&laquo; Previous")
            .active(false));
    for (int p = 1; p <= last; p++) {
      links.add(
          new PageMetaLinksInner().url(base + p).label(String.valueOf(p)).active(p == current));
    }
    links.add(
        new PageMetaLinksInner()
            .url(current < last ? base + (current + 1) : null)
            .label("Next &raquo;")
            .active(false));
    result.meta(
        new PageMeta()
            .currentPage(current)
            .from(to > from ? from + 1 : null)
            .lastPage(last)
            .links(links)
            .path(path)
            .perPage(perPage)
            .to(to > from ? to : null)
            .total(total));
    return result;
  }

  /**
   * The parameter's value within its schema's bounds. Leniently, as Laravel's paginator: a value
   * that is not an integer, or below the minimum, is the default; one above the maximum is the
   * maximum. Strictly: 400 on {@code errors.<name>}.
   */
  private int bounded(String name, String raw, Schema<?> schema) {
    int fallback = ((Number) schema.getDefault()).intValue();
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    BigInteger min = schema.getMinimum().toBigInteger();
    BigInteger max = schema.getMaximum().toBigInteger();
    BigInteger value;
    try {
      value = new BigInteger(raw);
    } catch (NumberFormatException e) {
      return refuseOr(fallback, name, "type.integer", null);
    }
    if (value.compareTo(min) < 0) {
      return refuseOr(fallback, name, "minimum", min);
    }
    if (value.compareTo(max) > 0) {
      return refuseOr(max.intValueExact(), name, "maximum", max);
    }
    return value.intValueExact();
  }

  private int refuseOr(int lenient, String name, String keyword, Object limit) {
    if (strict) {
      throw ApiException.invalid(name, FieldMessages.of(keyword, name, null, limit));
    }
    return lenient;
  }
}
