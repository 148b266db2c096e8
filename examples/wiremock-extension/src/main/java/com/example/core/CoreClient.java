package com.example.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An integrator's client of Pelcro's Core API: it reads customers and exports them, both under
 * one base URL ({@code https://www.pelcro.com/api/v1/core}).
 */
public final class CoreClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final String apiKey;
  private final long siteId;

  public CoreClient(String baseUrl, String apiKey, long siteId) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.siteId = siteId;
  }

  /** The customers' e-mail addresses ({@code GET /customers}). */
  public List<String> customerEmails() throws IOException, InterruptedException {
    JsonNode page = json.readTree(send(request("/customers").GET()).body());
    List<String> emails = new ArrayList<>();
    page.path("data").forEach(customer -> emails.add(customer.path("email").asText()));
    return emails;
  }

  /** Queues an export of {@code type} between two Unix times; returns its uuid. */
  public String requestExport(String type, long from, long to)
      throws IOException, InterruptedException {
    byte[] body = json.writeValueAsBytes(Map.of("object", type, "date_from", from, "date_to", to));
    HttpResponse<byte[]> answer = send(request("/exports")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    return json.readTree(answer.body()).path("data").path("uuid").asText();
  }

  /** A finished export's file (handed out once). */
  public byte[] download(String uuid) throws IOException, InterruptedException {
    return send(request("/exports/" + uuid).GET()).body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path + "?site_id=" + siteId))
        .header("Authorization", "Bearer " + apiKey);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> answer =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (answer.statusCode() != 200) {
      throw new IOException(answer.statusCode() + ": " + new String(answer.body()));
    }
    return answer;
  }
}
