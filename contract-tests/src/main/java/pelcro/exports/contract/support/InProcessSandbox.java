package pelcro.exports.contract.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the sandbox in this JVM through its embedding API ({@code Sandbox.builder()...start()}).
 *
 * <p>The builder is called reflectively, option by option, so that the suite also runs against
 * a sandbox build that lacks an optional setting (e.g. {@code rateLimit}): such an option is
 * reported by {@link #supports} instead of breaking the build.
 */
public final class InProcessSandbox implements AutoCloseable {
  private static final String SANDBOX_CLASS = "pelcro.exports.sandbox.Sandbox";

  private final Object sandbox;
  private final String baseUrl;
  private final String rootUrl;

  private InProcessSandbox(Object sandbox) {
    this.sandbox = sandbox;
    this.baseUrl = (String) call(sandbox, "baseUrl");
    this.rootUrl = (String) call(sandbox, "rootUrl");
  }

  /** Starts a sandbox on a free 127.0.0.1 port with admin on and the given extra settings. */
  public static InProcessSandbox start(Map<String, Object> settings) {
    try {
      Object builder = Class.forName(SANDBOX_CLASS).getMethod("builder").invoke(null);
      builder = set(builder, "port", 0);
      builder = set(builder, "bind", "127.0.0.1");
      builder = set(builder, "admin", true);
      builder = set(builder, "jobSeconds", 2);
      builder = set(builder, "seed", 42L);
      for (Map.Entry<String, Object> e : settings.entrySet()) {
        builder = set(builder, e.getKey(), e.getValue());
      }
      return new InProcessSandbox(call(builder, "start"));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot start the in-process sandbox (" + SANDBOX_CLASS + ")", e);
    }
  }

  /** Whether the sandbox's builder has a setting of this name. */
  public static boolean supports(String setting) {
    try {
      Class<?> builder = Class.forName(SANDBOX_CLASS).getMethod("builder").getReturnType();
      return findSetter(builder, setting).isPresent();
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  /** {@code http://127.0.0.1:<port>/api/v1/core}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code http://127.0.0.1:<port>}, where {@code /__admin/sandbox} lives. */
  public String rootUrl() {
    return rootUrl;
  }

  @Override
  public void close() {
    call(sandbox, "close");
  }

  private static Object set(Object builder, String name, Object value) throws ReflectiveOperationException {
    Method m = findSetter(builder.getClass(), name)
        .orElseThrow(() -> new IllegalArgumentException("The sandbox builder has no setting " + name));
    m.setAccessible(true);
    Object next = m.invoke(builder, convert(value, m.getParameterTypes()[0]));
    // A builder may be immutable (returns a copy) or fluent (returns itself).
    return next == null ? builder : next;
  }

  private static Optional<Method> findSetter(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1)
        .findFirst();
  }

  private static Object convert(Object value, Class<?> type) {
    if (value instanceof Number n) {
      if (type == int.class || type == Integer.class) return n.intValue();
      if (type == long.class || type == Long.class) return n.longValue();
      if (type == double.class || type == Double.class) return n.doubleValue();
      if (type == java.time.Duration.class) return java.time.Duration.ofSeconds(n.longValue());
    }
    return value;
  }

  private static Object call(Object target, String name) {
    try {
      Method m = target.getClass().getMethod(name);
      m.setAccessible(true);
      return m.invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Sandbox call " + name + "() failed", e);
    }
  }
}
