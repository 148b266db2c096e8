package pelcro.exports.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Limit;
import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.store.RequestJournalStore;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import pelcro.exports.sandbox.domain.KeyMask;
import pelcro.exports.sandbox.domain.RandomIds;

/**
 * WireMock's request journal for the API's requests ({@code /__admin/requests}), bounded and cheap
 * to write: each exchange is kept as the edge saw it and becomes WireMock's {@link ServeEvent} only
 * when the admin API reads it, with every key masked ({@code sk_test_…abcd}).
 *
 * <p>WireMock's own journal copies each request twice over and counts every entry on each request
 * to bound itself; here an entry is one small record and the oldest goes in O(1). Response bodies
 * are not kept (downloads never enter the journal). The requests the user's stubs served are kept
 * as WireMock journals them, and masked the same way when read.
 */
final class ApiJournal implements RequestJournalStore {
  private final int capacity;
  // Guarded by this: ids newest first, and the entries by id.
  private final Deque<UUID> order = new ArrayDeque<>();
  private final Map<UUID, Object> entries = new HashMap<>();

  /**
   * @param capacity the most exchanges kept; 0 keeps none
   */
  ApiJournal(int capacity) {
    this.capacity = capacity;
  }

  /** One exchange as the edge saw it; a ServeEvent only when read. */
  private record Exchange(
      UUID id,
      long loggedMillis,
      ApiRequest request,
      int status,
      Map<String, String> responseHeaders) {}

  /** Keeps one exchange (the oldest goes when the journal is full). */
  void record(ApiRequest request, Answer answer, long loggedMillis) {
    if (capacity > 0) {
      UUID id = RandomIds.uuid(); // names the entry, guards nothing
      keep(id, new Exchange(id, loggedMillis, request, answer.status(), answer.headers()));
    }
  }

  private synchronized void keep(UUID id, Object entry) {
    if (entries.put(id, entry) == null) {
      order.addFirst(id);
    }
    while (order.size() > capacity) {
      entries.remove(order.removeLast());
    }
  }

  @Override
  public synchronized Stream<ServeEvent> getAll() {
    List<ServeEvent> all = new ArrayList<>(order.size());
    for (UUID id : order) {
      all.add(event(entries.get(id)));
    }
    return all.stream();
  }

  @Override
  public void add(ServeEvent event) {
    keep(event.getId(), event);
  }

  @Override
  public synchronized void removeLast() {
    if (!order.isEmpty()) {
      entries.remove(order.removeLast());
    }
  }

  @Override
  public synchronized Stream<UUID> getAllKeys() {
    return List.copyOf(order).stream();
  }

  @Override
  public synchronized Optional<ServeEvent> get(UUID key) {
    return Optional.ofNullable(entries.get(key)).map(ApiJournal::event);
  }

  @Override
  public void put(UUID key, ServeEvent event) {
    keep(key, event);
  }

  @Override
  public synchronized void remove(UUID key) {
    if (entries.remove(key) != null) {
      order.remove(key);
    }
  }

  @Override
  public synchronized void clear() {
    entries.clear();
    order.clear();
  }

  private static ServeEvent event(Object entry) {
    return entry instanceof Exchange exchange ? served(exchange) : masked((ServeEvent) entry);
  }

  /** A request the user's stubs served, as WireMock journaled it, with its keys masked. */
  private static ServeEvent masked(ServeEvent event) {
    ObjectNode tree = Json.getObjectMapper().valueToTree(event);
    JsonNode request = tree.path("request");
    if (request instanceof ObjectNode logged) {
      for (String url : List.of("url", "absoluteUrl")) {
        if (logged.path(url).isTextual()) {
          logged.put(url, KeyMask.keysIn(logged.path(url).asText()));
        }
      }
      logged.remove("queryParams"); // read from the masked URL again
      JsonNode headers = logged.path("headers");
      if (headers instanceof ObjectNode sent && sent.path("Authorization").isTextual()) {
        sent.put("Authorization", KeyMask.authorization(sent.path("Authorization").asText()));
      }
    }
    return Json.getObjectMapper().convertValue(tree, ServeEvent.class);
  }

  /** The exchange in WireMock's terms, keys masked. */
  private static ServeEvent served(Exchange exchange) {
    ApiRequest request = exchange.request();
    List<HttpHeader> headers = new ArrayList<>();
    for (Map.Entry<String, String> h : request.headers()) {
      headers.add(
          new HttpHeader(
              h.getKey(),
              h.getKey().equalsIgnoreCase("Authorization")
                  ? KeyMask.authorization(h.getValue())
                  : h.getValue()));
    }
    LoggedRequest logged =
        LoggedRequest.createFrom(
            new ImmutableRequest.Builder()
                .withAbsoluteUrl(KeyMask.keysIn(request.absoluteUrl()))
                .withMethod(RequestMethod.fromString(request.method()))
                .withProtocol("HTTP/1.1")
                .withClientIp(request.clientIp())
                .withHeaders(new HttpHeaders(headers))
                .withBody(request.body())
                .build());
    // Logged when it arrived, not when the journal is read.
    ObjectNode tree = Json.getObjectMapper().valueToTree(logged);
    tree.put("loggedDate", exchange.loggedMillis());
    tree.remove("loggedDateString");
    LoggedRequest dated = Json.getObjectMapper().convertValue(tree, LoggedRequest.class);
    List<HttpHeader> answered = new ArrayList<>();
    exchange.responseHeaders().forEach((name, value) -> answered.add(new HttpHeader(name, value)));
    Response response =
        Response.response().status(exchange.status()).headers(new HttpHeaders(answered)).build();
    return new ServeEvent(
        exchange.id(),
        dated,
        null,
        new ResponseDefinition(exchange.status(), (String) null),
        LoggedResponse.from(response, new Limit(0)),
        false,
        Timing.UNTIMED,
        new LinkedList<>());
  }
}
