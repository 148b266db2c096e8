package pelcro.exports.sandbox.store.redis;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code --state redis://HOST:PORT[/DB]} ({@code rediss://} for TLS), {@code
 * redis-sentinel://HOST:PORT[,HOST:PORT...][/DB]#MASTER} and {@code
 * redis-cluster://HOST:PORT[,HOST:PORT...]}, and says in one line what is wrong with one that
 * cannot work, rather than a generic "unable to connect".
 */
final class RedisUris {
  static final String CLUSTER = "redis-cluster://";
  private static final String FORMS =
      "give --state redis://HOST:PORT[/DB] (rediss:// for TLS),"
          + " redis-sentinel://HOST:PORT[,HOST:PORT...][/DB]#MASTER"
          + " or redis-cluster://HOST:PORT[,HOST:PORT...]";

  private RedisUris() {}

  /** Whether {@code text} names a Redis Cluster. */
  static boolean cluster(String text) {
    return text.toLowerCase(Locale.ROOT).startsWith(CLUSTER);
  }

  /**
   * The seed nodes of {@code redis-cluster://HOST:PORT[,HOST:PORT...]} (any of the Cluster's nodes:
   * Lettuce learns the rest from them), or an {@link IllegalArgumentException} naming what is wrong
   * with its text.
   */
  static List<RedisURI> parseCluster(String text) {
    String rest = text.substring(CLUSTER.length());
    if (rest.endsWith("/") || rest.endsWith("/0")) {
      rest = rest.substring(0, rest.lastIndexOf('/'));
    }
    if (rest.isEmpty() || rest.contains("/") || rest.contains("#") || rest.contains("?")) {
      throw new IllegalArgumentException(
          "--state "
              + text
              + " is not a Cluster URL (a Redis Cluster has database 0 only);"
              + " give --state redis-cluster://HOST:PORT[,HOST:PORT...]");
    }
    String credentials = "";
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      credentials = rest.substring(0, at + 1);
      rest = rest.substring(at + 1);
    }
    List<RedisURI> seeds = new ArrayList<>();
    for (String node : rest.split(",")) {
      seeds.add(parse("redis://" + credentials + node, text));
    }
    return seeds;
  }

  /** The URI, or an {@link IllegalArgumentException} naming what is wrong with its text. */
  static RedisURI parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("redis://")
        && !lower.startsWith("rediss://")
        && !lower.startsWith("redis-sentinel://")
        && !lower.startsWith("rediss-sentinel://")) {
      throw new IllegalArgumentException(
          "--state " + text + " is neither memory nor a Redis URL; " + FORMS);
    }
    boolean sentinel = lower.contains("-sentinel://");
    RedisURI uri = sentinel && !text.contains("#") ? null : parse(text, text);
    if (sentinel && (uri == null || uri.getSentinelMasterId() == null)) {
      throw new IllegalArgumentException(
          "--state "
              + text
              + " names no master; end it with #MASTER, the name the Sentinels"
              + " monitor (e.g. redis-sentinel://127.0.0.1:26379/0#mymaster)");
    }
    return uri;
  }

  private static RedisURI parse(String text, String given) {
    RedisURI uri;
    try {
      uri = RedisURI.create(text);
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      throw new IllegalArgumentException(
          "--state " + given + " is not a valid Redis URL (" + e.getMessage() + "); " + FORMS, e);
    }
    if (uri.getDatabase() < 0) {
      throw new IllegalArgumentException(
          "--state "
              + given
              + " names database "
              + uri.getDatabase()
              + "; a Redis database is a number from 0 (the default) up");
    }
    return uri;
  }

  /** Why connecting to {@code uri} failed, in words that say what to change. */
  static String whyNot(RedisURI uri, Throwable failure) {
    String root = rootMessage(failure);
    String where = where(uri);
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
    if (tlsFailure(failure)
        || lower.contains("ssl")
        || lower.contains("tls")
        || lower.contains("handshake")) {
      return "cannot reach "
          + where
          + " over TLS ("
          + root
          + "); use rediss:// only for a Redis that serves TLS, and give --state-ca the"
          + " certificate(s) its certificate chains to unless the JVM's trust store has them";
    }
    return "cannot reach " + where + ": " + root;
  }

  /** Where the URI points, in words: a server, or a master as its Sentinels name it. */
  static String where(RedisURI uri) {
    if (uri.getSentinelMasterId() != null) {
      return "Redis master "
          + uri.getSentinelMasterId()
          + " through the Sentinels at "
          + String.join(
              ",", uri.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).toList());
    }
    return "Redis at " + uri.getHost() + ":" + uri.getPort();
  }

  /** Whether TLS failed: the handshake, or the server's certificate was not trusted. */
  private static boolean tlsFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException
          || t instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
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
