package pelcro.exports.sandbox.store.engine;

/**
 * A value as a batch read it, before the reader names its type: the object itself (an engine in the
 * JVM) or its encoded text (an engine outside it), with its version.
 *
 * @param value the object, when the engine keeps objects
 * @param text the encoded value, when the engine keeps text; both null: absent
 */
public record Stored(Object value, String text, long version) {
  public static final Stored ABSENT = new Stored(null, null, 0);

  /** The value, decoded with {@code codec} when the engine kept text. */
  @SuppressWarnings("unchecked")
  public <T> Versioned<T> as(Codec<T> codec) {
    if (value != null) {
      return new Versioned<>((T) value, version);
    }
    return text == null ? Versioned.absent() : new Versioned<>(codec.decode(text), version);
  }
}
