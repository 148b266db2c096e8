package pelcro.exports.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker-compatible engine answers and has the sandbox's image;
 * skips it with the reason otherwise, or fails it when {@code
 * -Dexports.testcontainers.required=true} (as {@code bin/container-tests} runs it, so that CI
 * cannot pass by skipping).
 */
final class SandboxImageCondition implements ExecutionCondition {
  private static final String REQUIRED = "exports.testcontainers.required";
  private static String problem;
  private static boolean checked;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    String why = problem();
    if (why == null) {
      return ConditionEvaluationResult.enabled("engine and image present");
    }
    if (Boolean.getBoolean(REQUIRED)) {
      throw new IllegalStateException(why + " (and " + REQUIRED + " is set)");
    }
    return ConditionEvaluationResult.disabled(why);
  }

  private static synchronized String problem() {
    if (!checked) {
      checked = true;
      problem = findProblem();
      if (problem != null && !Boolean.getBoolean(REQUIRED)) {
        System.err.println("Skipping the Testcontainers tests: " + problem);
      }
    }
    return problem;
  }

  private static String findProblem() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return "no Docker-compatible engine answers (set DOCKER_HOST; bin/container-tests starts podman's API)";
    }
    String image = ExportsSandboxContainer.defaultImage().asCanonicalNameString();
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return null;
    } catch (NotFoundException e) {
      return "the engine has no image " + image + " (build it with bin/build-image)";
    }
  }
}
