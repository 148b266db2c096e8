package pelcro.exports.contract.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Marks a test that needs the sandbox's control API; it is skipped on other targets. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Tag("sandbox-only")
@ExtendWith(TargetCondition.class)
public @interface SandboxOnly {
  /** Why the test cannot run on a real deployment. */
  String value();
}
