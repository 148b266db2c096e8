package pelcro.exports.sandbox.webhooks;

import java.time.Instant;
import java.util.Optional;
import pelcro.exports.sandbox.domain.ExportEventType;
import pelcro.exports.sandbox.faults.DeliveryFault;

/**
 * Where the sandbox reports export lifecycle events; {@link #NONE} when no webhook is configured.
 */
@FunctionalInterface
public interface ExportEventSink {
  /** Discards every event. */
  ExportEventSink NONE = (type, export, happenedAt, fault) -> {};

  /**
   * Reports that {@code type} happens to {@code export} at {@code happenedAt} on the sandbox clock;
   * an instant in the future is delivered once the clock reaches it. Never blocks.
   *
   * @param fault how a scheduled fault has it delivered
   */
  void publish(ExportEventType type, ExportFacts export, Instant happenedAt, DeliveryFault fault);

  /**
   * Cancels a scheduled, not yet attempted event of the export (its end moved), and says how the
   * faults struck for it had it delivered, so that they strike the event that replaces it; empty
   * when no such event was scheduled.
   */
  default Optional<DeliveryFault> withdraw(String exportUuid, ExportEventType type) {
    return Optional.empty();
  }
}
