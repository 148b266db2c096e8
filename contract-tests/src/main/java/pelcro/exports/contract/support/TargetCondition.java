package pelcro.exports.contract.support;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips {@link SandboxOnly} tests off the sandbox and {@link Writes} tests without write consent.
 */
public final class TargetCondition implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<AnnotatedElement> element = context.getElement();
    if (element.isEmpty()) {
      return ConditionEvaluationResult.enabled("no element");
    }
    Target target = ClassSessions.targetOf(context);
    Optional<SandboxOnly> sandboxOnly = find(context, SandboxOnly.class);
    if (sandboxOnly.isPresent() && !target.hasControlApi()) {
      return ConditionEvaluationResult.disabled("sandbox-only: " + sandboxOnly.get().value());
    }
    if (find(context, Writes.class).isPresent() && !target.writesAllowed()) {
      return ConditionEvaluationResult.disabled(
          "creates exports: set contract.allowWrites=true to run it on " + target.baseUrl());
    }
    return ConditionEvaluationResult.enabled("target allows it");
  }

  private static <A extends java.lang.annotation.Annotation> Optional<A> find(
      ExtensionContext context, Class<A> type) {
    Optional<A> onElement = AnnotationSupport.findAnnotation(context.getElement(), type);
    return onElement.isPresent()
        ? onElement
        : context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, type));
  }
}
