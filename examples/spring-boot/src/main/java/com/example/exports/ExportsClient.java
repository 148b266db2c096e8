package com.example.exports;

import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** A client of Pelcro's Exports API (Core API, {@code /exports}) on Spring's {@link RestClient}. */
@Component
public class ExportsClient {
  private final RestClient rest;
  private final long siteId;

  /** Built on the {@link RestClient.Builder} Spring Boot configures (its Jackson, its timeouts). */
  public ExportsClient(RestClient.Builder builder, PelcroProperties pelcro) {
    this.rest =
        builder
            .baseUrl(pelcro.baseUrl())
            .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + pelcro.apiKey())
            .build();
    this.siteId = pelcro.siteId();
  }

  /** Queues an export of {@code type} over a date range and returns its uuid. */
  public String requestExport(String type, Instant from, Instant to) {
    ExportAnswer answer =
        rest.post()
            .uri("/exports?site_id={site}", siteId)
            .contentType(MediaType.APPLICATION_JSON)
            .body(
                Map.of(
                    "object", type,
                    "date_from", from.getEpochSecond(),
                    "date_to", to.getEpochSecond()))
            .retrieve()
            .body(ExportAnswer.class);
    return answer.data().uuid();
  }

  /** Downloads a finished export's file; the API hands it out once. */
  public ResponseEntity<byte[]> download(String uuid) {
    return rest.get()
        .uri("/exports/{uuid}?site_id={site}", uuid, siteId)
        .retrieve()
        .toEntity(byte[].class);
  }

  /** The answer to a request: {@code {"data": <export>}}. */
  record ExportAnswer(Export data) {}

  /** The fields of an export this application uses. */
  record Export(String uuid, String status) {}
}
