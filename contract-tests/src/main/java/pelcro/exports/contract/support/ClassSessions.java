package pelcro.exports.contract.support;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives each suite class accounts of its own on a sandbox target, so that classes can run in
 * parallel without meeting each other's exports: a session of the sandbox's control API (an
 * Enterprise and a non-Enterprise account), ended after the class.
 *
 * <p>Active only when the run sets the JUnit configuration parameter {@link #PARAMETER} (the
 * conformance runner does on a sandbox target) and the target has the control API; otherwise every
 * class uses the configured accounts, as on a real deployment.
 */
public final class ClassSessions implements BeforeAllCallback, AfterAllCallback {
  /** The configuration parameter that turns sessions per class on. */
  public static final String PARAMETER = "contract.sessionPerClass";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClassSessions.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    boolean enabled =
        context.getConfigurationParameter(PARAMETER).map(Boolean::parseBoolean).orElse(false);
    Target run = Target.runTarget();
    if (!enabled || !run.hasControlApi() || context.getRequiredTestClass().isMemberClass()) {
      return;
    }
    SandboxAdmin admin = run.admin();
    SandboxAdmin.Session own = admin.openSession();
    context.getStore(NAMESPACE).put(SandboxAdmin.Session.class, List.of(own));
    Target.bindClassTarget(run.withSessionAccounts(own.enterprise(), own.basic()));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    @SuppressWarnings("unchecked")
    List<SandboxAdmin.Session> sessions =
        context.getStore(NAMESPACE).remove(SandboxAdmin.Session.class, List.class);
    if (sessions == null) {
      return;
    }
    Target.unbindClassTarget();
    SandboxAdmin admin = Target.runTarget().admin();
    sessions.forEach(s -> admin.endSession(s.id()));
  }
}
