package pelcro.exports.contract.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that creates exports: on a real deployment it runs only with {@code
 * contract.allowWrites=true}, because an account's exports are not ours to spend.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@Tag("writes")
@ExtendWith(TargetCondition.class)
public @interface Writes {}
