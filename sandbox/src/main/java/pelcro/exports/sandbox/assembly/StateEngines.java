package pelcro.exports.sandbox.assembly;

import java.time.Duration;
import pelcro.exports.sandbox.SandboxOptions;
import pelcro.exports.sandbox.store.engine.StateEngine;
import pelcro.exports.sandbox.store.memory.MemoryEngine;

/** Opens the engine that {@code --state} names: this JVM's memory, or a Redis shared by nodes. */
public final class StateEngines {
  /** Keys of the sandbox in a shared Redis all start with this. */
  static final String REDIS_PREFIX = "exports-sandbox:";

  /**
   * A call to Redis slower than this answers 503 rather than holding the client: the answer arrives
   * within 2 s even on a busy machine (one call times out, nothing waits after it).
   */
  static final Duration REDIS_TIMEOUT = Duration.ofMillis(1250);

  private StateEngines() {}

  public static StateEngine open(SandboxOptions options) {
    if (options.state().equals("memory")) {
      return new MemoryEngine();
    }
    try {
      return pelcro.exports.sandbox.store.redis.RedisEngine.connect(
          options.state(),
          REDIS_PREFIX,
          REDIS_TIMEOUT,
          new pelcro.exports.sandbox.store.redis.RedisSettings(
              options.stateCa(), options.stateWaitReplicas()));
    } catch (NoClassDefFoundError e) {
      throw new IllegalArgumentException(
          "--state redis needs io.lettuce:lettuce-core on the classpath (the standalone jar has it)",
          e);
    }
  }
}
