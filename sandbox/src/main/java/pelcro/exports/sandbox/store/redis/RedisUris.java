package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.RedisURI;
import java.util.Locale;

/**
 * Reads {@code --state redis://HOST:PORT[/DB]} (or {@code rediss://} for TLS) and says in one line
 * what is wrong with one that cannot work, rather than a generic "unable to connect".
 */
final class RedisUris {
  private RedisUris() {}

  /** The URI, or an {@link IllegalArgumentException} naming what is wrong with its text. */
  static RedisURI parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("redis://") && !lower.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          "--state "
              + text
              + " is neither memory nor a Redis URL;"
              + " give --state redis://HOST:PORT[/DB] (rediss:// for TLS)");
    }
    RedisURI uri;
    try {
      uri = RedisURI.create(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "--state "
              + text
              + " is not a valid Redis URL ("
              + e.getMessage()
              + "); give --state redis://HOST:PORT[/DB]",
          e);
    }
    if (uri.getDatabase() < 0) {
      throw new IllegalArgumentException(
          "--state "
              + text
              + " names database "
              + uri.getDatabase()
              + "; a Redis database is a number from 0 (the default) up");
    }
    return uri;
  }

  /** Why connecting to {@code uri} failed, in words that say what to change. */
  static String whyNot(RedisURI uri, Throwable failure) {
    String root = rootMessage(failure);
    String where = "Redis at " + uri.getHost() + ":" + uri.getPort();
    String lower = root.toLowerCase(Locale.ROOT);
    if (lower.contains("db index is out of range") || lower.contains("invalid db index")) {
      return "--state names database "
          + uri.getDatabase()
          + ", which "
          + where
          + " does not"
          + " have ("
          + root
          + "); a Redis has databases 0 to 15 unless its `databases` setting"
          + " says otherwise";
    }
    if (lower.contains("noauth") || lower.contains("wrongpass") || lower.contains("auth")) {
      return where
          + " refused the credentials in --state ("
          + root
          + "); give them as"
          + " redis://USER:PASSWORD@HOST:PORT";
    }
    if (lower.contains("ssl") || lower.contains("tls") || lower.contains("handshake")) {
      return "cannot reach Redis at "
          + uri.getHost()
          + ":"
          + uri.getPort()
          + " over TLS ("
          + root
          + "); use rediss:// only for a Redis that serves TLS";
    }
    return "cannot reach Redis at " + uri.getHost() + ":" + uri.getPort() + ": " + root;
  }

  /** The innermost message of a failure (Lettuce wraps the cause that says what happened). */
  static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }
}
