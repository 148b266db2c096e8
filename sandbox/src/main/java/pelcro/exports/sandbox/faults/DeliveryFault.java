package pelcro.exports.sandbox.faults;

import java.time.Duration;

/**
 * How a struck webhook fault delivers one event.
 *
 * @param twice delivered twice
 * @param late delivered this much later, on the account's clock
 * @param afterNext delivered after the export's next event
 * @param badSignature signed with a key other than the webhook secret
 * @param dropped every attempt fails; dropped after the last retry
 */
public record DeliveryFault(
    boolean twice, Duration late, boolean afterNext, boolean badSignature, boolean dropped) {
  public static final DeliveryFault NONE =
      new DeliveryFault(false, Duration.ZERO, false, false, false);

  /** This delivery with another's faults as well (faults carried over from a withdrawn event). */
  public DeliveryFault and(DeliveryFault other) {
    Duration later = late.compareTo(other.late) >= 0 ? late : other.late;
    return new DeliveryFault(
        twice || other.twice,
        later,
        afterNext || other.afterNext,
        badSignature || other.badSignature,
        dropped || other.dropped);
  }
}
