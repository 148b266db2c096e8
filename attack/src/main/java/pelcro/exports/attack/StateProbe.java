package pelcro.exports.attack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Reads the sandbox's observable state over HTTP: the exports of each watched account (needs {@code
 * --list-mode jobs}), and with the control API the clock's offset and the webhook deliveries. What
 * counts as state, and why the time-driven fields are left out, is in {@link State}.
 */
public final class StateProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An account whose exports are watched, through one of its keys and sites. */
  public record Watched(String key, long site) {}

  /**
   * A snapshot. Each export is {@code uuid object created_at finished_at failed_reason}: {@code
   * started_at} and {@code updated_at} move with the clock alone, so they are left out; {@code
   * finished_at} stays in (it only appears by the clock when the job's time has come, which the
   * harness keeps out of reach with a long {@code --job-seconds} or a fixed clock). Deliveries are
   * {@code id event_type export_uuid}: their status and attempts change in the background.
   *
   * @param exports per watched key, its exports in uuid order
   * @param clockOffset the control API's {@code offset_seconds}, or null without it
   * @param deliveries the webhook deliveries in id order, empty without the control API
   */
  public record State(
      Map<String, List<String>> exports, Long clockOffset, List<String> deliveries) {

    /** The uuids of every watched export, newest first per account. */
    public List<String> uuids() {
      List<String> out = new ArrayList<>();
      exports.values().forEach(list -> list.forEach(line -> out.add(line.split(" ", 2)[0])));
      return out;
    }

    /** What differs from {@code before}, in words; empty when nothing does. */
    public String diff(State before) {
      List<String> changes = new ArrayList<>();
      for (String key : exports.keySet()) {
        TreeSet<String> now = new TreeSet<>(exports.get(key));
        TreeSet<String> then = new TreeSet<>(before.exports.getOrDefault(key, List.of()));
        TreeSet<String> added = new TreeSet<>(now);
        added.removeAll(then);
        TreeSet<String> removed = new TreeSet<>(then);
        removed.removeAll(now);
        if (!added.isEmpty() || !removed.isEmpty()) {
          changes.add(Masking.mask(key) + ": exports now " + added + ", before " + removed);
        }
      }
      if (!Objects.equals(clockOffset, before.clockOffset)) {
        changes.add("clock offset " + before.clockOffset + " -> " + clockOffset);
      }
      if (!deliveries.equals(before.deliveries)) {
        TreeSet<String> added = new TreeSet<>(deliveries);
        before.deliveries.forEach(added::remove);
        changes.add(
            "webhook deliveries "
                + before.deliveries.size()
                + " -> "
                + deliveries.size()
                + (added.isEmpty() ? "" : ", new " + added));
      }
      return String.join("; ", changes);
    }

    /** The delivery ids, for the generator's redeliveries. */
    public List<String> deliveryIds() {
      return deliveries.stream().map(d -> d.split(" ", 2)[0]).toList();
    }
  }

  private final JdkSender http;
  private final List<Watched> watched;
  private final boolean control;

  public StateProbe(JdkSender http, List<Watched> watched, boolean control) {
    this.http = http;
    this.watched = List.copyOf(watched);
    this.control = control;
  }

  /** Reads the state now; fails loudly if the sandbox does not show it (no jobs list mode). */
  public State snapshot() {
    Map<String, List<String>> exports = new LinkedHashMap<>();
    for (Watched w : watched) {
      exports.put(w.key(), exportsOf(w));
    }
    Long offset = null;
    List<String> deliveries = List.of();
    if (control) {
      offset = get("/__admin/sandbox/clock", null).path("offset_seconds").asLong();
      List<String> lines = new ArrayList<>();
      for (JsonNode d : get("/__admin/sandbox/webhooks/deliveries", null).path("data")) {
        lines.add(
            d.path("id").asText()
                + " "
                + d.path("event_type").asText()
                + " "
                + d.path("export_uuid").asText());
      }
      lines.sort(null);
      deliveries = lines;
    }
    return new State(exports, offset, deliveries);
  }

  private List<String> exportsOf(Watched w) {
    List<String> lines = new ArrayList<>();
    for (int page = 1; page <= 20; page++) {
      JsonNode list =
          get("/api/v1/core/exports?site_id=" + w.site() + "&limit=100&page=" + page, w.key());
      for (JsonNode e : list.path("data")) {
        if (!e.isObject()) {
          throw new IllegalStateException(
              "GET /exports lists types: start the sandbox with --list-mode jobs");
        }
        lines.add(
            e.path("uuid").asText()
                + " "
                + e.path("object").asText()
                + " "
                + e.path("created_at").asText()
                + " "
                + e.path("finished_at").asText()
                + " "
                + e.path("failed_reason").asText());
      }
      if (page >= list.path("meta").path("last_page").asInt(1)) {
        break;
      }
    }
    lines.sort(null);
    return lines;
  }

  private JsonNode get(String target, String key) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.root() + target)).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    Answer answer = http.exchange(request.build(), "GET");
    if (answer.status() != 200) {
      throw new IllegalStateException("State probe " + target + " answered " + answer.summary());
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new IllegalStateException("State probe " + target + " is not JSON", e);
    }
  }
}
