package pelcro.exports.contract.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The documented behaviour a test checks: the vendor page and section, shown in the summary.
 *
 * <p>{@link #covers} names the operation × status pairs the test asserts, as {@code
 * operationId:status}; the summary counts them for tests that were skipped (tests that ran are
 * credited with the statuses they actually received).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@java.lang.annotation.Documented
public @interface Documented {
  /** e.g. {@code "download-export, Common Errors"}. */
  String value();

  /** e.g. {@code "downloadExport:400"}. */
  String[] covers() default {};
}
