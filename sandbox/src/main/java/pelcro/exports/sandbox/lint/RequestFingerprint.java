package pelcro.exports.sandbox.lint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two {@code POST /exports} requests "the same request" for the lint: the export type,
 * every field of the body (in any order, the type's synonyms alike) and the query's {@code
 * site_id}. A request with other filters or another range is another request, so a retry that
 * follows the page's advice ("change the filters") is never a repeat.
 */
final class RequestFingerprint {
  /** Enough of a SHA-256 that two requests of one account never share it by chance. */
  private static final int HEX_LENGTH = 24;

  private RequestFingerprint() {}

  /** A short text naming the request; {@code body} is its parsed JSON, or null. */
  static String of(Exchange exchange, JsonNode body) {
    StringBuilder text =
        new StringBuilder("site_id=").append(exchange.query().getOrDefault("site_id", ""));
    if (body == null) {
      text.append(" raw=")
          .append(
              new String(
                  exchange.body() == null ? new byte[0] : exchange.body(), StandardCharsets.UTF_8));
    } else {
      Map<String, String> fields = new TreeMap<>();
      body.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().toString()));
      BodyLint.type(body).ifPresent(type -> fields.put("object", type));
      text.append(' ').append(fields);
    }
    return sha256(text.toString()).substring(0, HEX_LENGTH);
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
