package pelcro.exports.sandbox.domain;

import java.util.function.Supplier;
import pelcro.exports.openapi.model.ConflictError;
import pelcro.exports.openapi.model.DownloadError;
import pelcro.exports.openapi.model.DownloadNotFoundError;
import pelcro.exports.openapi.model.RequestExportError;
import pelcro.exports.openapi.model.ValidationError;

/**
 * The closed catalogue of every error the sandbox answers: HTTP status and message.
 *
 * <p>Documented messages come from the spec (generated enums or its examples), never from Java
 * literals; only the sandbox's own errors (routing, control API) carry a template here.
 */
public enum ApiError {
  /** core-errors: 401 for a missing or unknown key. */
  UNAUTHENTICATED(401, () -> SpecMessages.sharedResponse("Unauthorized", "unauthenticated")),
  /** request-export and download-export banners: non-Enterprise accounts get 401. */
  NOT_ENTERPRISE(401, () -> SpecMessages.sharedResponse("Unauthorized", "notEnterprise")),
  /** core-errors: field validation, with {@code errors} keyed by field. */
  INVALID_DATA(400, ValidationError.MessageEnum.THE_GIVEN_DATA_WAS_INVALID_::getValue),
  /** request-export, Common Errors. */
  INVALID_DATE_RANGE(400, RequestExportError.MessageEnum.INVALID_DATE_RANGE::getValue),
  /** request-export, Common Errors. */
  NOTHING_TO_EXPORT(400, RequestExportError.MessageEnum.NOTHING_TO_EXPORT::getValue),
  /** request-export, Common Errors; 409 is the spec's decision. */
  EXPORT_IN_PROGRESS(409, ConflictError.MessageEnum.EXPORT_IN_PROGRESS::getValue),
  /** download-export: the export has not finished. */
  NOT_READY(
      404,
      DownloadNotFoundError.MessageEnum.THE_EXPORT_IS_NOT_YET_READY_TO_BE_DOWNLOADED_::getValue),
  /** download-export: unknown uuid, another account's uuid, or a failed export. */
  FILE_NOT_FOUND(
      404,
      DownloadNotFoundError.MessageEnum.THE_REQUESTED_FILE_WAS_NOT_FOUND_PLEASE_TRY_TO_EXPORT_AGAIN_
          ::getValue),
  /** download-export: the file was handed out once already, or expired. */
  ALREADY_DOWNLOADED(
      400,
      DownloadError.MessageEnum.THE_REQUESTED_FILE_HAS_ALREADY_BEEN_DOWNLOADED_OR_HAS_EXPIRED_
          ::getValue),
  /** The spec's 413: bodies over the sandbox's limit. */
  BODY_TOO_LARGE(413, () -> SpecMessages.requestExportResponse("413", "tooLarge")),
  /** Sandbox's own: a path the API does not have. */
  ROUTE_NOT_FOUND(404, () -> "The route %s could not be found."),
  /** Sandbox's own: a known path with a method it does not take. */
  METHOD_NOT_ALLOWED(
      405, () -> "The %s method is not supported for route %s. Supported methods: %s."),
  /** rate-limits: over the account's requests per minute. */
  TOO_MANY_REQUESTS(429, () -> SpecMessages.sharedResponse("TooManyRequests", "throttled")),
  /** Control API: no export has this uuid. */
  CONTROL_EXPORT_NOT_FOUND(404, () -> "No export has the uuid %s."),
  /** Control API: the export is no longer queued or processing. */
  CONTROL_NOT_RUNNING(409, () -> "The export %s is not queued or processing; it is %s."),
  /** Control API: no session has this id. */
  CONTROL_SESSION_NOT_FOUND(404, () -> "No session has the id %s."),
  /** Control API: no fault has this id. */
  CONTROL_FAULT_NOT_FOUND(404, () -> "No fault has the id %s."),
  /** Control API: no account has this id. */
  CONTROL_ACCOUNT_NOT_FOUND(404, () -> "No account has the id %s."),
  /** Control API: no webhook delivery has this id. */
  CONTROL_DELIVERY_NOT_FOUND(404, () -> "No webhook delivery has the id %s."),
  /** Sandbox's own: WireMock's stub-editing admin routes, closed because the routes are fixed. */
  WIREMOCK_ADMIN_CLOSED(
      405,
      () ->
          "WireMock's settings, recordings, proxying and files are fixed on the sandbox: %s %s is closed."),
  /** Control API: a malformed control request. */
  CONTROL_BAD_REQUEST(400, () -> "%s"),
  /**
   * The shared state (Redis) cannot be reached now, or a scheduled fault: the request had no effect
   * that can be counted on, and may be sent again shortly (core-errors: 5xx, "rare").
   */
  SERVICE_UNAVAILABLE(503, () -> "Service Unavailable"),
  /** A scheduled fault: an upstream of the vendor's failed (core-errors: 5xx). */
  BAD_GATEWAY(502, () -> "Bad Gateway"),
  /** A scheduled fault: an upstream of the vendor's timed out (core-errors: 5xx). */
  GATEWAY_TIMEOUT(504, () -> "Gateway Timeout"),
  /** Never expected: a defect of the sandbox itself. */
  SERVER_ERROR(500, () -> "Server Error");

  private final int status;
  private final Supplier<String> template;

  ApiError(int status, Supplier<String> template) {
    this.status = status;
    this.template = template;
  }

  public int status() {
    return status;
  }

  /** The message, with {@code args} filled into the sandbox's own templates. */
  public String message(Object... args) {
    String text = template.get();
    return args.length == 0 ? text : String.format(text, args);
  }
}
