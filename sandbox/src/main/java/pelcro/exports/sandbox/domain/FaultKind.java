package pelcro.exports.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The faults the sandbox can schedule, as a table: where each strikes, what it is aimed at, and
 * which parameters it needs. A struck fault shows only as the vendor's own behaviour (a failed
 * export, a 503, an expired file, a late webhook): nothing sandbox-only appears in an answer.
 */
public enum FaultKind {
  /** The export fails as soon as it starts processing, with {@code reason} as failed_reason. */
  EXPORT_FAILS_AT_START(Aim.EXPORT_TYPE, Set.of(), Set.of("reason")),
  /** The export fails halfway through processing. */
  EXPORT_FAILS_WHILE_PROCESSING(Aim.EXPORT_TYPE, Set.of(), Set.of("reason")),
  /**
   * The export stays queued (or processing) until completed or failed through the control calls.
   */
  EXPORT_HELD(Aim.EXPORT_TYPE, Set.of(), Set.of("state")),
  /** The finished file expires {@code seconds} after it is ready, on the account's clock. */
  FILE_EXPIRES(Aim.EXPORT_TYPE, Set.of("seconds"), Set.of()),
  /** The request is answered "Nothing to export" whatever the data holds. */
  NOTHING_TO_EXPORT(Aim.EXPORT_TYPE, Set.of(), Set.of()),
  /**
   * The operation answers {@code status} (429, 500, 502, 503 or 504) in the vendor's error shape.
   */
  OPERATION_ERROR(Aim.OPERATION, Set.of("status"), Set.of("retry_after")),
  /** The operation answers {@code latency_ms} later than it would. */
  OPERATION_LATENCY(Aim.OPERATION, Set.of("latency_ms"), Set.of()),
  /** The download's connection closes after {@code after_bytes} bytes (it may be tried again). */
  DOWNLOAD_CUT(Aim.EXPORT_TYPE, Set.of("after_bytes"), Set.of()),
  /** The download is streamed at {@code bytes_per_second}. */
  DOWNLOAD_SLOW(Aim.EXPORT_TYPE, Set.of("bytes_per_second"), Set.of()),
  /** The download is answered "already downloaded or has expired": the file expired early. */
  DOWNLOAD_GONE(Aim.EXPORT_TYPE, Set.of(), Set.of()),
  /** The webhook event is delivered twice. */
  WEBHOOK_DUPLICATE(Aim.EVENT_TYPE, Set.of(), Set.of()),
  /** The webhook event is delivered {@code seconds} late, on the account's clock. */
  WEBHOOK_LATE(Aim.EVENT_TYPE, Set.of("seconds"), Set.of()),
  /** The webhook event is delivered after the export's next event. */
  WEBHOOK_OUT_OF_ORDER(Aim.EVENT_TYPE, Set.of(), Set.of()),
  /** The webhook event is signed with a key other than the webhook secret. */
  WEBHOOK_BAD_SIGNATURE(Aim.EVENT_TYPE, Set.of(), Set.of()),
  /** Every attempt of the webhook event fails; it is dropped after the last retry. */
  WEBHOOK_DROPPED(Aim.EVENT_TYPE, Set.of(), Set.of());

  /** What a fault's {@code target} names: an export type, an operationId, an event type. */
  public enum Aim {
    EXPORT_TYPE("type"),
    OPERATION("operation"),
    EVENT_TYPE("event");

    private final String field;

    Aim(String field) {
      this.field = field;
    }

    /** The JSON field that carries the target. */
    public String field() {
      return field;
    }
  }

  private final Aim aim;
  private final Set<String> required;
  private final Set<String> optional;

  FaultKind(Aim aim, Set<String> required, Set<String> optional) {
    this.aim = aim;
    this.required = required;
    this.optional = optional;
  }

  /** The name in the control API: the constant's name in lower case, {@code download_cut}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public Aim aim() {
    return aim;
  }

  /** Parameters a fault of this kind must have. */
  public Set<String> required() {
    return required;
  }

  /** Parameters a fault of this kind may have. */
  public Set<String> optional() {
    return optional;
  }

  public static Optional<FaultKind> of(String wireName) {
    return Arrays.stream(values()).filter(k -> k.wireName().equals(wireName)).findFirst();
  }
}
