package pelcro.exports.contract.support;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Gives each suite class accounts of its own on a sandbox target, so that classes can run in
 * parallel without meeting each other's exports: a session of the sandbox's control API (an
 * Enterprise and a non-Enterprise account), ended after the class.
 *
 * <p>Active only when the run sets the JUnit configuration parameter {@link #PARAMETER} (the
 * conformance runner does on a sandbox target) and the target has the control API; otherwise every
 * class uses the configured accounts, as on a real deployment.
 *
 * <p>The class's target is bound around each piece of its code (constructor, lifecycle methods,
 * tests, dynamic tests) on the thread that runs it, and unbound after: JUnit's parallel workers run
 * pieces of many classes in turn, so a binding made in {@code beforeAll} could reach another
 * class's tests, and outlive the session it named (they then answered 401).
 */
public final class ClassSessions
    implements BeforeAllCallback, AfterAllCallback, InvocationInterceptor {
  /** The configuration parameter that turns sessions per class on. */
  public static final String PARAMETER = "contract.sessionPerClass";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClassSessions.class);

  /** A class's session and the target that uses its accounts. */
  private record Own(SandboxAdmin.Session session, Target target) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean enabled =
        context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false);
    Target run = Target.runTarget();
    // A nested class runs on its enclosing class's session (found through the context's parents).
    if (!enabled || !run.hasControlApi() || context.getRequiredTestClass().isMemberClass()) {
      return;
    }
    SandboxAdmin.Session session = run.admin().openSession();
    Target own = run.withSessionAccounts(session.enterprise(), session.basic());
    context.getStore(NAMESPACE).put(Own.class, new Own(session, own));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Own own = context.getStore(NAMESPACE).remove(Own.class, Own.class);
    if (own != null) {
      Target.runTarget().admin().endSession(own.session().id());
    }
  }

  /**
   * The target of the test or class {@code context} names, for code JUnit runs before it binds one
   * (parameter resolvers, execution conditions).
   */
  static Target targetOf(ExtensionContext context) {
    Target previous = Target.bindClassTarget(classTarget(context));
    try {
      return Target.get();
    } finally {
      Target.bindClassTarget(previous);
    }
  }

  /** The target of the class {@code context} belongs to, if it has a session (else null). */
  private static Target classTarget(ExtensionContext context) {
    Own own = context.getStore(NAMESPACE).get(Own.class, Own.class);
    return own == null ? null : own.target();
  }

  /** Runs {@code invocation} with the class's target bound on this thread, or none bound. */
  private static <T> T bound(ExtensionContext context, Invocation<T> invocation) throws Throwable {
    Target previous = Target.bindClassTarget(classTarget(context));
    try {
      return invocation.proceed();
    } finally {
      Target.bindClassTarget(previous);
    }
  }

  @Override
  public <T> T interceptTestClassConstructor(
      Invocation<T> invocation,
      ReflectiveInvocationContext<Constructor<T>> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    return bound(extensionContext, invocation);
  }

  @Override
  public void interceptBeforeAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public void interceptBeforeEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public <T> T interceptTestFactoryMethod(
      Invocation<T> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    return bound(extensionContext, invocation);
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public void interceptDynamicTest(
      Invocation<Void> invocation,
      DynamicTestInvocationContext invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public void interceptAfterEachMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }

  @Override
  public void interceptAfterAllMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext extensionContext)
      throws Throwable {
    bound(extensionContext, invocation);
  }
}
