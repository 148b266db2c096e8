package pelcro.exports.sandbox.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link LocalRedis} for a test class, registered as a static {@code @RegisterExtension} field:
 * started before the class's tests (which are skipped where {@code redis-server} is not installed)
 * and stopped after them.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {
  private LocalRedis redis;

  /** Skips the calling test where {@code redis-server} is not installed. */
  public static void assumeInstalled() {
    assumeTrue(
        LocalRedis.installed(), "redis-server is not installed (apt-get install redis-server)");
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    assumeInstalled();
    redis = LocalRedis.start(false);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (redis != null) {
      redis.close();
    }
  }

  public String uri() {
    return redis.uri();
  }

  public int port() {
    return redis.port();
  }
}
