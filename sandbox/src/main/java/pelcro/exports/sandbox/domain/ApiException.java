package pelcro.exports.sandbox.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal from the catalogue {@link ApiError}, thrown by rules and operations and rendered to the
 * vendor's error body in exactly one place (the HTTP adapter's ErrorRenderer).
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ApiError error;
  private final int status;
  private final transient Map<String, List<String>> fieldErrors;
  private final String allow;
  private final transient Duration retryAfter;

  private ApiException(
      ApiError error,
      int status,
      Map<String, List<String>> fieldErrors,
      String allow,
      Duration retryAfter,
      String msg) {
    super(msg, null, false, false);
    this.error = error;
    this.status = status;
    this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    this.allow = allow;
    this.retryAfter = retryAfter;
  }

  public ApiException(ApiError error, Object... args) {
    this(error, error.status(), Map.of(), null, null, error.message(args));
  }

  /** A validation failure naming each wrong field (core-errors). */
  public static ApiException invalid(Map<String, List<String>> fieldErrors) {
    return new ApiException(ApiError.INVALID_DATA).withErrors(fieldErrors);
  }

  /** A validation failure of one field. */
  public static ApiException invalid(String field, String message) {
    return invalid(Map.of(field, List.of(message)));
  }

  public ApiException withErrors(Map<String, List<String>> errors) {
    return new ApiException(
        error, status, new LinkedHashMap<>(errors), allow, retryAfter, getMessage());
  }

  /** The same error with another status (the off-spec 403 for non-Enterprise accounts). */
  public ApiException withStatus(int newStatus) {
    return new ApiException(error, newStatus, fieldErrors, allow, retryAfter, getMessage());
  }

  /** The same error with an {@code Allow} header value (405). */
  public ApiException withAllow(String methods) {
    return new ApiException(error, status, fieldErrors, methods, retryAfter, getMessage());
  }

  /**
   * The same error, telling the client when to try again ({@code Retry-After}, whole seconds, at
   * least 1).
   */
  public ApiException withRetryAfter(Duration wait) {
    Duration atLeastOne = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    return new ApiException(error, status, fieldErrors, allow, atLeastOne, getMessage());
  }

  /** How long the client should wait before trying again, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  public ApiError error() {
    return error;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /** The {@code Allow} header of a 405, or null. */
  public String allow() {
    return allow;
  }
}
