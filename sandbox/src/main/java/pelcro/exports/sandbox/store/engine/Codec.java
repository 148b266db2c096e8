package pelcro.exports.sandbox.store.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How a stored value becomes text for an engine that keeps it outside the JVM (JSON, with Jackson);
 * the in-memory engine keeps the object itself and never calls it.
 */
public final class Codec<T> {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Filters hold JSON scalars as Long or String: a small number must not come back an
          // Integer.
          .enable(DeserializationFeature.USE_LONG_FOR_INTS);

  private final Class<T> type;

  private Codec(Class<T> type) {
    this.type = type;
  }

  public static <T> Codec<T> of(Class<T> type) {
    return new Codec<>(type);
  }

  public String encode(T value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a " + type.getSimpleName(), e);
    }
  }

  public T decode(String text) {
    try {
      return MAPPER.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot decode a " + type.getSimpleName(), e);
    }
  }
}
