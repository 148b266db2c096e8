package pelcro.exports.sandbox.operations;

import java.util.Map;

/**
 * A {@code POST /exports} body that passed the spec's schema: the canonical type, the filters and
 * the optional body {@code site_id}.
 */
record ValidRequest(String type, Map<String, Object> filters, Long bodySiteId) {}
