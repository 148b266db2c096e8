package pelcro.exports.sandbox.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pelcro.exports.sandbox.domain.WebhookDelivery;

/**
 * The control API's view of webhook deliveries ({@code /__admin/sandbox/webhooks/deliveries}):
 * lists them with their outcomes and redelivers one. Empty when no webhook is configured.
 */
public final class DeliveriesControl {
  private final WebhookDispatcher dispatcher;

  /**
   * @param dispatcher the running dispatcher, or null when no webhook is configured
   */
  public DeliveriesControl(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** {@code {"data": [deliveries, oldest first], "dropped": n}}. */
  public Map<String, Object> list() {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("data", dispatcher == null ? List.of() : dispatcher.view());
    answer.put("dropped", dispatcher == null ? 0 : dispatcher.dropped());
    return answer;
  }

  /** Sends the delivery's event again as a new delivery; empty for an unknown id. */
  public Optional<Map<String, Object>> redeliver(String deliveryId) {
    return dispatcher == null
        ? Optional.empty()
        : dispatcher.redeliver(deliveryId).map(WebhookDelivery::view);
  }
}
