package pelcro.exports.sandbox.store.redis;

import java.nio.file.Path;

/**
 * How the sandbox talks to its Redis beyond the URL: which certificates it trusts over TLS, and how
 * many replicas must have every write before the write is acknowledged.
 *
 * @param trustedCertificates PEM certificates (a CA or the server's own) that a {@code rediss://}
 *     server's certificate must chain to; null: the JVM's trust store
 * @param waitReplicas after every write, {@code WAIT} until this many replicas have it (0: do not
 *     wait; Redis replicates asynchronously)
 */
public record RedisSettings(Path trustedCertificates, int waitReplicas) {
  /** The JVM's trust store, and no waiting for replicas. */
  public static final RedisSettings DEFAULTS = new RedisSettings(null, 0);

  public RedisSettings {
    if (waitReplicas < 0) {
      throw new IllegalArgumentException("waitReplicas must be 0 or more");
    }
  }
}
