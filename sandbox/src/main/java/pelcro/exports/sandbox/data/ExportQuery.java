package pelcro.exports.sandbox.data;

import java.util.Map;

/**
 * What one export selects: the site, the canonical export type and the filters as the client sent
 * them (already validated against the spec).
 *
 * <p>{@code filters} holds every body field except {@code object} and {@code site_id}, keyed by the
 * spec's field names ({@code date_from}, {@code date_to}, {@code mode}, {@code status}, {@code
 * month}, {@code currency}, ...), with JSON scalar values (Long, String). Filters are kept generic
 * on purpose: their names and values come from the spec, never from Java constants.
 *
 * @param siteId the site whose records are exported
 * @param type the canonical export type, as {@code ExportType} lists it ({@code credit_notes})
 * @param filters the validated filters, keyed by field name
 */
public record ExportQuery(long siteId, String type, Map<String, Object> filters) {
  public ExportQuery {
    filters = Map.copyOf(filters);
  }
}
