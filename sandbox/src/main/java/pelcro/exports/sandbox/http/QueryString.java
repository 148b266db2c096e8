package pelcro.exports.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a URL's query leniently, as the vendor's framework does: a repeated name keeps its last
 * value ({@code ?site_id=1001&site_id=1002} is site 1002: PHP's query parsing, which Laravel reads,
 * overwrites; spec x-decision of {@code SiteId}); undecodable text stays raw.
 */
final class QueryString {
  private QueryString() {}

  static String path(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  static Map<String, String> parse(String url) {
    Map<String, String> values = new LinkedHashMap<>();
    int q = url.indexOf('?');
    if (q < 0) {
      return values;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      values.put(name, value);
    }
    return values;
  }

  /** Whether every part of the query decodes; WireMock's own parsing fails on the others. */
  static boolean decodable(String rawQuery) {
    if (rawQuery == null || rawQuery.indexOf('%') < 0) {
      return true; // only a bad %-escape makes decoding fail
    }
    try {
      for (String part : rawQuery.split("[&=]")) {
        URLDecoder.decode(part, StandardCharsets.UTF_8);
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
