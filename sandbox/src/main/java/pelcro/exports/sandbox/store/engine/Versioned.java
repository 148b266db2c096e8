package pelcro.exports.sandbox.store.engine;

/**
 * A value as read, with the version a commit must expect to change it.
 *
 * @param value the value, or null when the key is absent
 * @param version 0 when absent; otherwise unique across the engine, so a key deleted and written
 *     again never shows an old version (no ABA)
 */
public record Versioned<T>(T value, long version) {
  private static final Versioned<?> ABSENT = new Versioned<>(null, 0);

  @SuppressWarnings("unchecked")
  public static <T> Versioned<T> absent() {
    return (Versioned<T>) ABSENT;
  }

  public boolean present() {
    return value != null;
  }
}
