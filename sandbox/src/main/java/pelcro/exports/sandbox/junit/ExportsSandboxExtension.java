package pelcro.exports.sandbox.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import pelcro.exports.sandbox.Sandbox;
import pelcro.exports.sandbox.SandboxBuilder;
import pelcro.exports.sandbox.lint.LintFinding;

/**
 * The JUnit 5 extension behind {@link ExportsSandboxTest}: one sandbox per test class, closed by
 * JUnit with the class's store; resolves {@link SandboxHandle} and {@link Sandbox} parameters, and
 * with {@code failOnLint} fails the class on the integrator lint's findings.
 */
public final class ExportsSandboxExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ExportsSandboxExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    handle(context);
  }

  /** {@code failOnLint}: the class fails with the findings of its sandbox's traffic. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (!settings(context.getRequiredTestClass()).failOnLint()) {
      return;
    }
    List<LintFinding> findings = handle(context).lintSinceStart();
    if (!findings.isEmpty()) {
      throw new AssertionError(
          "The integrator lint found "
              + findings.size()
              + " problem(s) in this class's traffic (@ExportsSandboxTest(failOnLint = true)):\n"
              + findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SandboxHandle.class || type == Sandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SandboxHandle handle = handle(context);
    return parameter.getParameter().getType() == Sandbox.class ? handle.sandbox() : handle;
  }

  private static SandboxHandle handle(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(testClass, c -> start(settings(testClass)), Resource.class)
        .handle();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static ExportsSandboxTest settings(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      ExportsSandboxTest found = c.getAnnotation(ExportsSandboxTest.class);
      if (found != null) {
        return found;
      }
    }
    throw new IllegalStateException(testClass + " is not annotated with @ExportsSandboxTest");
  }

  /** The system property that points every {@code @ExportsSandboxTest} at one shared sandbox. */
  public static final String SHARED_URL_PROPERTY = "exports.sandbox.url";

  /** Starts what a test class with these settings gets (also timed by {@link EmbeddedStarts}). */
  static Resource start(ExportsSandboxTest settings) {
    String shared =
        settings.url().isBlank() ? System.getProperty(SHARED_URL_PROPERTY, "") : settings.url();
    if (!shared.isBlank()) {
      return new Resource(SandboxHandle.session(shared));
    }
    return new Resource(new SandboxHandle(builder(settings).start()));
  }

  /** The sandbox that {@code settings} ask for, on a free port of 127.0.0.1. */
  public static SandboxBuilder builder(ExportsSandboxTest settings) {
    return Sandbox.builder()
        .port(0)
        .bind("127.0.0.1")
        .jobSeconds(settings.jobSeconds())
        .admin(settings.admin())
        .nonEnterpriseStatus(settings.nonEnterpriseStatus())
        .listMode(settings.listMode())
        .seed(settings.seed())
        .recordsPerType(settings.recordsPerType())
        .rateLimit(settings.rateLimit())
        .strict(settings.strict())
        .rootDir(settings.rootDir().isBlank() ? null : Path.of(settings.rootDir()))
        .args(settings.options());
  }

  /**
   * Closes the sandbox when JUnit drops the class's store: JUnit before 5.13 closes a
   * CloseableResource, later versions an AutoCloseable (and warn about a CloseableResource alone).
   */
  record Resource(SandboxHandle handle)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      if (handle.shared()) {
        handle.close(); // ends the session's accounts
      } else {
        handle.sandbox().close();
      }
    }
  }
}
