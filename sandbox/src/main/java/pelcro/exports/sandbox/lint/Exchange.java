package pelcro.exports.sandbox.lint;

import java.util.Map;
import java.util.Set;

/**
 * One request and its answer, as the lint sees them: no HTTP library's types, only what the rules
 * read.
 *
 * @param accountId the authenticated account, or null (no or an unknown key)
 * @param operationId the spec's operationId ({@code listExports}, {@code requestExport}, {@code
 *     downloadExport}), or null for no route
 * @param uuid the download's path parameter, or null
 * @param query the value of each query parameter (the last, when repeated)
 * @param body the request body (may be empty)
 * @param status the answer's status
 * @param message the {@code message} of a JSON error answer, or null
 * @param retryAfterSeconds the answer's {@code Retry-After}, or null
 * @param refusedFields the fields the answer's {@code errors} names (core-errors); null or none
 *     when it names none
 */
public record Exchange(
    Long accountId,
    String operationId,
    String uuid,
    Map<String, String> query,
    byte[] body,
    int status,
    String message,
    Long retryAfterSeconds,
    Set<String> refusedFields) {
  public static final String LIST = "listExports";
  public static final String REQUEST = "requestExport";
  public static final String DOWNLOAD = "downloadExport";

  public Exchange {
    refusedFields = refusedFields == null ? Set.of() : Set.copyOf(refusedFields);
  }
}
