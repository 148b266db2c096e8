package pelcro.exports.sandbox.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import pelcro.exports.openapi.model.ExportJobPage;
import pelcro.exports.openapi.model.ExportType;
import pelcro.exports.openapi.model.ExportTypeList;
import pelcro.exports.openapi.model.PageLinks;
import pelcro.exports.openapi.model.PageMeta;
import pelcro.exports.openapi.model.PageMetaLinksInner;
import pelcro.exports.sandbox.domain.ApiException;
import pelcro.exports.sandbox.domain.Caller;
import pelcro.exports.sandbox.domain.ExportJob;
import pelcro.exports.sandbox.store.AccountClocks;
import pelcro.exports.sandbox.store.JobStore;

/**
 * {@code listExports} ({@code GET /exports}): the export types (the spec's decision), or with
 * {@code --list-mode jobs} the account's jobs, newest first, in the Core paginated envelope
 * (pagination-limits: {@code limit} default 10, at most 100).
 */
public final class ListExportsOperation {
  /** What {@code GET /exports} lists. */
  public enum Mode {
    TYPES,
    JOBS
  }

  private final JobStore jobs;
  private final AccountClocks clocks;
  private final Mode mode;

  public ListExportsOperation(JobStore jobs, AccountClocks clocks, Mode mode) {
    this.jobs = jobs;
    this.clocks = clocks;
    this.mode = mode;
  }

  /**
   * @param path the absolute URL of the list, for the page links
   */
  public Object handle(Caller caller, String siteIdParam, String page, String limit, String path) {
    SiteParameter.require(caller, siteIdParam);
    if (mode == Mode.TYPES) {
      return new ExportTypeList().data(Arrays.asList(ExportType.values()));
    }
    int perPage = bounded("limit", limit, 10, 100);
    int current = bounded("page", page, 1, Integer.MAX_VALUE);
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
    links.add(new PageMetaLinksInner().url(current > 1 ? base + (current - 1) : null)
        .label("&laquo; Previous").active(false));
    for (int p = 1; p <= last; p++) {
      links.add(new PageMetaLinksInner().url(base + p).label(String.valueOf(p)).active(p == current));
    }
    links.add(new PageMetaLinksInner().url(current < last ? base + (current + 1) : null)
        .label("Next &raquo;").active(false));
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

  private static int bounded(String name, String raw, int fallback, int max) {
    if (raw == null || raw.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, like an out-of-range value
    }
    throw ApiException.invalid(
        name, "The " + name + " must be an integer between 1 and " + max + ".");
  }
}
