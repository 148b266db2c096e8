package pelcro.exports.scaleout.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives test classes the one {@link ScaleOut} deployment of the run: started by the first class
 * that needs it, kept in the root context's store (so JUnit closes it when the run ends), and
 * injected as a {@code ScaleOut} parameter. Skips the classes when redis-server or nginx is missing
 * (see {@link Tools}); a deployment that failed to start fails every class at once, without a
 * second attempt.
 */
public final class ScaleOutExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ScaleOutExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Tools.check();
    deployment(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ScaleOut.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return deployment(context);
  }

  private static ScaleOut deployment(ExtensionContext context) {
    Started started =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(Started.class, key -> Started.attempt(), Started.class);
    if (started.failure != null) {
      throw new IllegalStateException("the scale-out deployment did not start", started.failure);
    }
    return started.deployment;
  }

  /** The deployment, or why it did not start; closed with the root context (AutoCloseable). */
  private record Started(ScaleOut deployment, Exception failure) implements AutoCloseable {
    static Started attempt() {
      try {
        return new Started(ScaleOut.start(), null);
      } catch (Exception e) {
        return new Started(null, e);
      }
    }

    @Override
    public void close() {
      if (deployment != null) {
        deployment.close();
      }
    }
  }
}
