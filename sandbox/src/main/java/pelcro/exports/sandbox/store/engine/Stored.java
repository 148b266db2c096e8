package pelcro.exports.sandbox.store.engine;

/**
 * A value as a batch read it, before the reader names its type: the object itself (an engine in the
 * JVM, or one that keeps what it wrote) or its encoded text (an engine outside the JVM), with its
 * version. Text is decoded once: a value that a node keeps for many requests (Redis' read cache)
 * hands each of them the same immutable object.
 */
public final class Stored {
  public static final Stored ABSENT = new Stored(null, null, 0);

  private final Object value;
  private final String text;
  private final long version;

  /** What decoding {@link #text} gave; set by the first reader. */
  private volatile Object decoded;

  /**
   * @param value the object, when the engine keeps objects
   * @param text the encoded value, when the engine keeps text; both null: absent
   * @param version the value's version (0: absent)
   */
  public Stored(Object value, String text, long version) {
    this.value = value;
    this.text = text;
    this.version = version;
  }

  public Object value() {
    return value;
  }

  public String text() {
    return text;
  }

  public long version() {
    return version;
  }

  /** The value, decoded with {@code codec} when the engine kept text (once per instance). */
  @SuppressWarnings("unchecked")
  public <T> Versioned<T> as(Codec<T> codec) {
    if (value != null) {
      return new Versioned<>((T) value, version);
    }
    if (text == null) {
      return Versioned.absent();
    }
    Object known = decoded;
    if (known == null) {
      known = codec.decode(text);
      decoded = known;
    }
    return new Versioned<>((T) known, version);
  }
}
